/**
 * docs/architecture.md and docs/security.md concurrency: two actors racing on one record end with exactly one winner, the loser gets
 * 409, and the audit trail holds the winner's event and nothing of the loser's. Each race runs 100
 * times on fresh records, both requests in flight at once against the real worker and local D1.
 */
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { auditOf, bulkStudents, extraAccount, insertRecords, signInAll, type BulkStudent, type RecordCopy } from '../test/bulk-fixtures';
import { demo, invitationIn, terminationIn } from '../test/scenarios';

const RUNS = 100;
// generous: on a loaded two-core machine one race of 100 runs has taken over four minutes
const TIMEOUT = 600_000;

interface Template {
  data: Record<string, unknown>;
  formKey: string;
  formVersion: number;
  deadline: string | null;
}

/** The stored shape of a record a real flow produced, to copy for each run. */
async function templateOf(id: string): Promise<Template> {
  const row = await env.DB.prepare('SELECT data, form_key, form_version, deadline FROM records WHERE id = ?')
    .bind(id)
    .first<{ data: string; form_key: string; form_version: number; deadline: string | null }>();
  return { data: JSON.parse(row!.data), formKey: row!.form_key, formVersion: row!.form_version, deadline: row!.deadline };
}

const copy = (t: Template, kind: string, state: string, student: BulkStudent, extra: Partial<RecordCopy> = {}): RecordCopy => ({
  kind,
  state,
  data: t.data,
  formKey: t.formKey,
  formVersion: t.formVersion,
  deadline: t.deadline,
  studentId: student.studentId,
  ...extra,
});

type Call = () => Promise<{ status: number; body: { error?: unknown } }>;

interface Outcome {
  winner: 0 | 1;
  statuses: number[];
}

/** Both calls at once; exactly one must succeed and the other must get a 409 with the error shape. */
async function race(a: Call, b: Call): Promise<Outcome> {
  const [ra, rb] = await Promise.all([a(), b()]);
  const statuses = [ra.status, rb.status];
  expect([...statuses].sort(), JSON.stringify([ra.body, rb.body])).toEqual([200, 409]);
  const loser = ra.status === 409 ? ra : rb;
  expect(loser.body.error).toMatchObject({ code: expect.any(String), message: expect.stringMatching(/[\u4e00-\u9fff]/) });
  return { winner: ra.status === 200 ? 0 : 1, statuses };
}

let invitation: Template;
let agreement: Template;
let termination: Template;

beforeAll(async () => {
  // one real flow of each kind gives data every copy can be validated against
  const sent = await invitationIn('sent');
  invitation = await templateOf(sent.id);
  const consentPending = await terminationIn('consent_pending');
  termination = await templateOf(consentPending.id);
  const accepted = await env.DB.prepare("SELECT id FROM records WHERE kind = 'agreements' AND student_id = ?")
    .bind(consentPending.fixture.studentId)
    .first<{ id: string }>();
  agreement = await templateOf(accepted!.id);
  await extraAccount('college_b', 'college', { schoolId: 'sch-1', collegeId: 'col-1' });
}, TIMEOUT);

describe('races on one record: exactly one winner, the loser gets 409, the audit trail has only the winner', () => {
  it(
    'a student accepts two invitations at once: one agreement, one accept event',
    async () => {
      const students = await bulkStudents(RUNS);
      const clients = await signInAll(students.map((s) => s.username));
      const firsts = await insertRecords(students.map((s) => copy(invitation, 'invitations', 'sent', s, { employerId: 'emp-1' })));
      const seconds = await insertRecords(students.map((s) => copy(invitation, 'invitations', 'sent', s, { employerId: 'emp-2' })));
      for (let i = 0; i < RUNS; i++) {
        const accept = (id: string) => () => clients[i]!.post(`/api/invitations/${id}/accept`, { version: 1, data: {} });
        const { winner } = await race(accept(firsts[i]!), accept(seconds[i]!));
        const winnerId = [firsts[i]!, seconds[i]!][winner];
        expect(await auditOf([firsts[i]!, seconds[i]!])).toEqual([
          { record_id: winnerId, action: 'accept', actor_id: 'acc-' + students[i]!.studentId },
        ]);
        const agreements = await env.DB.prepare("SELECT id, parent_id FROM records WHERE kind = 'agreements' AND student_id = ?")
          .bind(students[i]!.studentId)
          .all<{ id: string; parent_id: string }>();
        expect(agreements.results.map((r) => r.parent_id)).toEqual([winnerId]);
        expect((await auditOf([agreements.results[0]!.id])).map((e) => e.action)).toEqual(['create']);
      }
    },
    TIMEOUT,
  );

  it(
    'the same invitation accepted twice at once (two tabs): one accept, one agreement',
    async () => {
      const students = await bulkStudents(RUNS);
      const clients = await signInAll(students.map((s) => s.username));
      const ids = await insertRecords(students.map((s) => copy(invitation, 'invitations', 'sent', s, { employerId: 'emp-1' })));
      for (let i = 0; i < RUNS; i++) {
        const accept = () => clients[i]!.post(`/api/invitations/${ids[i]}/accept`, { version: 1, data: {} });
        await race(accept, accept);
        expect(await auditOf([ids[i]!])).toEqual([{ record_id: ids[i]!, action: 'accept', actor_id: 'acc-' + students[i]!.studentId }]);
        expect(
          await env.DB.prepare("SELECT COUNT(*) AS n FROM records WHERE kind = 'agreements' AND student_id = ?")
            .bind(students[i]!.studentId)
            .first('n'),
        ).toBe(1);
      }
    },
    TIMEOUT,
  );

  it(
    'the student accepts while the employer withdraws: either an accepted invitation with its agreement, or a withdrawn one without',
    async () => {
      const students = await bulkStudents(RUNS);
      const clients = await signInAll(students.map((s) => s.username));
      const employer = await demo('employer');
      const ids = await insertRecords(students.map((s) => copy(invitation, 'invitations', 'sent', s, { employerId: 'emp-1' })));
      const wins = [0, 0];
      for (let i = 0; i < RUNS; i++) {
        const { winner } = await race(
          () => clients[i]!.post(`/api/invitations/${ids[i]}/accept`, { version: 1, data: {} }),
          () => employer.post(`/api/invitations/${ids[i]}/withdraw`, { version: 1 }),
        );
        wins[winner]!++;
        const [action, actor, state, agreements] =
          winner === 0 ? ['accept', 'acc-' + students[i]!.studentId, 'accepted', 1] : ['withdraw', 'acc-employer', 'withdrawn', 0];
        expect(await auditOf([ids[i]!])).toEqual([{ record_id: ids[i]!, action, actor_id: actor }]);
        expect(await env.DB.prepare('SELECT state FROM records WHERE id = ?').bind(ids[i]).first('state')).toBe(state);
        expect(
          await env.DB.prepare("SELECT COUNT(*) AS n FROM records WHERE kind = 'agreements' AND student_id = ?")
            .bind(students[i]!.studentId)
            .first('n'),
        ).toBe(agreements);
      }
      expect(wins[0]! + wins[1]!).toBe(RUNS);
    },
    TIMEOUT,
  );

  it.each([
    ['approve', 'reject'],
    ['approve', 'approve'],
  ])(
    'two reviewers of one college: %s vs %s of the same agreement',
    async (first, second) => {
      const students = await bulkStudents(RUNS);
      const ids = await insertRecords(
        students.map((s) => copy(agreement, 'agreements', 'college_review', s, { employerId: 'emp-1', mode: 'online' })),
      );
      const reviewers: TestClient[] = [await demo('college'), await TestClient.as('college_b')];
      const reviewerIds = ['acc-college', 'acc-college_b'];
      for (let i = 0; i < RUNS; i++) {
        const act = (who: 0 | 1, action: string) => () =>
          reviewers[who]!.post(`/api/agreements/${ids[i]}/${action}`, { version: 1, reason: '单位信息与营业执照不一致' });
        const { winner } = await race(act(0, first), act(1, second));
        const action = winner === 0 ? first : second;
        expect(await auditOf([ids[i]!])).toEqual([{ record_id: ids[i]!, action, actor_id: reviewerIds[winner] }]);
        expect(await env.DB.prepare('SELECT state, version FROM records WHERE id = ?').bind(ids[i]).first()).toEqual({
          state: action === 'approve' ? 'school_review' : 'rejected',
          version: 2,
        });
      }
    },
    TIMEOUT,
  );

  it(
    'the student consents to and declines a termination at once (two tabs): one answer stands',
    async () => {
      const students = await bulkStudents(RUNS);
      const clients = await signInAll(students.map((s) => s.username));
      const ids = await insertRecords(
        students.map((s) => copy(termination, 'terminations', 'consent_pending', s, { employerId: 'emp-1' })),
      );
      for (let i = 0; i < RUNS; i++) {
        const { winner } = await race(
          () => clients[i]!.post(`/api/terminations/${ids[i]}/consent`, { version: 1, data: { consentRemark: '同意' } }),
          () => clients[i]!.post(`/api/terminations/${ids[i]}/decline`, { version: 1, reason: '不同意解约' }),
        );
        const [action, state] = winner === 0 ? ['consent', 'college_review'] : ['decline', 'declined'];
        expect(await auditOf([ids[i]!])).toEqual([{ record_id: ids[i]!, action, actor_id: 'acc-' + students[i]!.studentId }]);
        expect(await env.DB.prepare('SELECT state FROM records WHERE id = ?').bind(ids[i]).first('state')).toBe(state);
      }
    },
    TIMEOUT,
  );
});

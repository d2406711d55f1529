/**
 * No dead ends: GET /api/lifecycles tells each user where a new record starts and whether the
 * server would accept one now — by asking the create's own checks — so 新建 is never offered where
 * the create would be refused, and the refusal's reason is shown instead. Final states say what
 * happens next.
 */
import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from '../lifecycle/registry';
import { TestClient } from '../test/client';
import { demo, onlineAgreementIn, sourceRecordIn, terminatedAgreement } from '../test/scenarios';

type Offer = { entry: { from: string; links?: Record<string, string> }; available: boolean; code?: string; reason?: string } | null;

async function offers(client: TestClient): Promise<Record<string, { create: Offer; next: Record<string, string> }>> {
  const res = await client.get('/api/lifecycles');
  expect(res.status).toBe(200);
  return res.body;
}

/** What the create page itself would get: the same answer, by the other road. */
async function createPageStatus(client: TestClient): Promise<number> {
  return (await client.get('/api/agreements/new?mode=offline')).status;
}

describe('a student is offered 录入线下协议书 exactly when the server would accept it', () => {
  it('an approved student without an agreement may start one, on the offline form', async () => {
    const { student } = await sourceRecordIn('approved');
    const { agreements } = await offers(student);
    expect(agreements!.create).toEqual(expect.objectContaining({ entry: { from: 'form', links: { mode: 'offline' } }, available: true }));
    expect(await createPageStatus(student)).toBe(200);
  });

  it('a student whose source record is not yet approved is told why, and the create is refused alike', async () => {
    const { student } = await sourceRecordIn('submitted');
    const { agreements } = await offers(student);
    expect(agreements!.create).toMatchObject({
      available: false,
      code: 'student_not_approved',
      reason: expect.stringContaining('省级通过'),
    });
    expect(await createPageStatus(student)).toBe(422);
  });

  it('a student with an active agreement is not offered a second one; after a termination, again', async () => {
    const signed = await onlineAgreementIn('college_review');
    expect((await offers(signed.student)).agreements!.create).toMatchObject({
      available: false,
      code: 'active_agreement',
      reason: expect.stringContaining('解约'),
    });
    expect(await createPageStatus(signed.student)).toBe(409);

    const terminated = await terminatedAgreement();
    expect((await offers(terminated.student)).agreements!.create).toMatchObject({ available: true });
    expect(await createPageStatus(terminated.student)).toBe(200);
  });

  it('amendments and terminations start from an agreement, never from a 新建 of their own', async () => {
    const { student } = await sourceRecordIn('approved');
    const mine = await offers(student);
    expect(mine.terminations!.create?.entry).toEqual({ from: 'record' });
    expect((await offers(await demo('employer'))).amendments!.create?.entry).toEqual({ from: 'record' });
  });
});

describe('an employer learns before the lookup whether it may invite', () => {
  it('a verified employer starts from the student lookup', async () => {
    expect((await offers(await demo('employer'))).invitations!.create).toEqual(
      expect.objectContaining({ entry: { from: 'lookup' }, available: true }),
    );
  });

  it('an employer the centre has not verified sees why, and the lookup says the same', async () => {
    const employer2 = await demo('employer2');
    const offer = (await offers(employer2)).invitations!.create;
    expect(offer).toMatchObject({ available: false, code: 'forbidden', reason: expect.stringContaining('尚未通过就业中心审核') });
    const lookup = await employer2.get('/api/students/lookup?schoolId=sch-1&cohort=2027&idNumber=320106200503151236');
    expect(lookup.status).toBe(403);
  });

  it('reviewers create nothing', async () => {
    for (const who of ['college', 'school', 'center']) {
      const all = await offers(await demo(who));
      for (const [kind, lc] of Object.entries(all)) expect(lc.create, `${who} ${kind}`).toBeNull();
    }
  });
});

describe('every final state says what happens next', () => {
  it('报到证待打印 says who prints it and where; a waiting state says nothing (the queue is the next step)', async () => {
    const { dispatches, agreements } = await offers(await demo('student'));
    expect(dispatches!.next.approved).toMatch(/学校就业部门.*打印/);
    expect(agreements!.next.approved).toContain('一式四份');
    expect(agreements!.next.college_review).toBeUndefined();
  });

  it('each lifecycle has words for every state where nothing waits in the product any more', () => {
    // a state no transition leaves is final: the user must be told what comes after it
    for (const lifecycle of Object.values(LIFECYCLES)) {
      const left = new Set(lifecycle.transitions.flatMap((t) => t.from));
      for (const [state, def] of Object.entries(lifecycle.states)) {
        if (!left.has(state) && state !== 'draft') expect(def.next, `${lifecycle.kind}.${state}`).toBeTruthy();
      }
    }
  });
});

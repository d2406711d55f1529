/**
 * Runs every cell of ACCESS_MATRIX against the real worker: each role, in each relationship to a
 * freshly made record, calls the route and must get exactly the status the table says. A route the
 * app registers without a row (or a row for a route that is gone) fails access-matrix-coverage.test.ts.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../domain/files/sample-files.fixture';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import {
  amendmentProposed,
  demo,
  destinationIn,
  dispatchIn,
  invitationIn,
  offlineAgreementIn,
  onlineAgreementIn,
  paperAgreement,
  registrationIn,
  sourceRecordIn,
  terminatedAgreement,
  terminationIn,
  terminationTerms,
  verifiedEmployer,
  type Scenario,
} from '../test/scenarios';
import { jobTerms } from '../test/signing';
import { ACCESS_MATRIX, type Level, type MatrixRow, type Seen, type Who } from '../test/access-matrix';
import type { AnswerBody } from '../test/answer-body';

/** The record a row is about, and who its own student / employer are. */
interface Target extends Partial<Scenario> {
  code?: string;
  codeId?: string;
  idNumber?: string;
  studentId?: string;
  employerId?: string;
}

const GIVEN: Record<string, () => Promise<Target>> = {
  none: () => Promise.resolve({}),
  'approved student': async () => {
    const fixture = await studentWithSourceRecord('approved');
    return { fixture, studentId: fixture.studentId, idNumber: fixture.idNumber, student: await TestClient.as(fixture.username) };
  },
  'signing code': async () => {
    const fixture = await studentWithSourceRecord('approved');
    const student = await TestClient.as(fixture.username);
    const created = await student.post('/api/students/me/signing-codes');
    return { fixture, student, studentId: fixture.studentId, codeId: created.body.id };
  },
  'loose upload': async () => {
    const fixture = await studentWithSourceRecord('imported');
    const student = await TestClient.as(fixture.username);
    const uploaded = await student.upload('/api/files', tinyPng(), 'photo.png', 'image/png');
    return { fixture, student, fileId: uploaded.body.id };
  },
  'source record imported': () => sourceRecordIn('imported'),
  'source record submitted': () => sourceRecordIn('submitted'),
  'source record school_approved': () => sourceRecordIn('school_approved'),
  'invitation draft': async () => {
    const draft = await invitationIn('draft');
    return { ...draft, data: { ...draft.data, ...jobTerms() } };
  },
  'invitation sent': () => invitationIn('sent'),
  'online agreement college_review': () => onlineAgreementIn('college_review'),
  'online agreement school_review': () => onlineAgreementIn('school_review'),
  'online agreement approved': async () => {
    const agreement = await onlineAgreementIn('approved');
    const row = await env.DB.prepare('SELECT verify_code FROM records WHERE id = ?').bind(agreement.id).first<{ verify_code: string }>();
    return { ...agreement, code: row!.verify_code };
  },
  'online agreement terminated': () => terminatedAgreement(),
  'offline agreement college_review': () => offlineAgreementIn('college_review'),
  'offline agreement returned': () => offlineAgreementIn('returned'),
  'amendment proposed': () => amendmentProposed(),
  'termination consent_pending': () => terminationIn('consent_pending'),
  'termination college_review': () => terminationIn('college_review'),
  'termination school_review': () => terminationIn('school_review'),
  'dispatch unconfirmed': () => dispatchIn('unconfirmed'),
  'dispatch college_review': () => dispatchIn('college_review'),
  'dispatch school_review': () => dispatchIn('school_review'),
  'dispatch center_review': () => dispatchIn('center_review'),
  'destination college_review': () => destinationIn('college_review'),
  'destination school_review': () => destinationIn('school_review'),
  'destination registered': () => destinationIn('registered'),
  'destination returned': () => destinationIn('returned'),
  'agreement form draft': async () => {
    const admin = await demo('admin');
    const latest = await admin.get('/api/forms/agreement');
    const saved = await admin.request('PUT', '/api/forms/agreement/draft', { definition: latest.body.definition });
    if (saved.status !== 200) throw new Error(`save draft: ${saved.status} ${JSON.stringify(saved.body)}`);
    return {};
  },
  'registration of employer': () => Promise.resolve({ id: 'reg-emp-1' }),
  'registration pending': () => registrationIn('pending'),
  'registered employer': async () => {
    const pending = await registrationIn('pending');
    const row = await env.DB.prepare('SELECT employer_id FROM records WHERE id = ?').bind(pending.id).first<{ employer_id: string }>();
    return { registrant: pending.registrant, employerId: row!.employer_id };
  },
  'registration returned': () => registrationIn('returned'),
  'registration verified': () => verifiedEmployer(),
};

/** Another employer the centre verified: registered once for this file. */
let otherVerified: Promise<TestClient> | undefined;
const otherVerifiedEmployer = () => (otherVerified ??= verifiedEmployer().then((e) => e.registrant));

const DEMO_ACCOUNT: Record<Exclude<Who, 'anonymous' | 'employer@otherVerified'>, string> = {
  student: 'student',
  'student@otherCollege': 'student2',
  'student@otherSchool': 'student3',
  employer: 'employer',
  'employer@other': 'employer2',
  college: 'college',
  'college@other': 'college2',
  school: 'school',
  'school@other': 'school2',
  province: 'province',
  center: 'center',
  admin: 'admin',
};

async function clientFor(who: Who, target: Target, row: MatrixRow): Promise<TestClient> {
  if (who === 'anonymous') return new TestClient();
  if (who === 'employer@otherVerified') return otherVerifiedEmployer();
  // signing out must not end the sessions every other row shares
  if (row.signsOut) return TestClient.as(DEMO_ACCOUNT[who]);
  if (who === 'student' && target.student) return target.student;
  if (who === 'employer' && target.registrant) return target.registrant;
  return demo(DEMO_ACCOUNT[who]);
}

function pathOf(row: MatrixRow, target: Target): string {
  const fill = (p: string) =>
    p.replace(/\{(\w+)\}/g, (_, key: string) => {
      const value = (target as Record<string, unknown>)[key];
      if (typeof value !== 'string') throw new Error(`${title(row)}: the given record has no ${key}`);
      return value;
    });
  if (row.path) return fill(row.path);
  switch (row.route) {
    case 'GET /api/:kind':
      return `/api/${row.kind}?limit=100`;
    case 'GET /api/:kind/:id':
      return fill(`/api/${row.kind}/{id}`);
    case 'GET /api/:kind/new':
      return `/api/${row.kind}/new?${new URLSearchParams(createLinks(row, target)).toString()}`;
    case 'POST /api/:kind':
      return `/api/${row.kind}`;
    case 'POST /api/:kind/:id/:action':
      return fill(`/api/${row.kind}/{id}/${row.action}`);
  }
  throw new Error(`${title(row)}: needs a path`);
}

/** What links a new record of the row's kind to the given one (`GET …/new` takes them as a query). */
function createLinks(row: MatrixRow, target: Target): Record<string, string> {
  switch (row.kind) {
    case 'invitations':
      return { studentId: target.studentId! };
    case 'agreements':
      return { mode: 'offline' };
    case 'amendments':
    case 'terminations':
      return { agreementId: target.id! };
  }
  return {};
}

function createBody(row: MatrixRow, target: Target): Record<string, unknown> {
  const data =
    {
      agreements: paperAgreement(),
      amendments: { monthlySalary: 13000 },
      terminations: terminationTerms,
      destinations: { destination: '70', notEmployedReason: '正在求职' },
    }[row.kind as string] ?? {};
  return { ...createLinks(row, target), data };
}

async function call(client: TestClient, row: MatrixRow, target: Target): Promise<{ status: number; body: AnswerBody; headers: Headers }> {
  const path = pathOf(row, target);
  const method = row.route.split(' ')[0];
  switch (row.body ?? 'none') {
    case 'none':
      return client.request(method!, path);
    case 'empty':
      return client.request(method!, path, {});
    case 'malformed':
      return client.request(method!, path, { definition: 'x', version: 'x' });
    case 'upload':
      return client.upload(path, tinyPng(), 'photo.png', 'image/png');
    case 'offline agreement':
      return client.request(method!, path, { mode: 'offline', data: paperAgreement() });
    case 'create': {
      const body = createBody(row, target);
      // 线下签约 goes through its 预览确认 first, as the page does
      if (row.kind === 'agreements') await client.request('POST', '/api/agreements/preview', body);
      return client.request(method!, path, body);
    }
    case 'transition':
      return client.request(method!, path, { version: target.version, data: target.data, reason: '材料不完整，请补充后再提交' });
  }
  throw new Error(`unknown body ${row.body}`);
}

/** How much of `value` the answer shows: all of it, its last four behind a mask, or nothing. */
function levelOf(text: string, value: string | undefined): Level {
  if (!value) return 'none';
  if (text.includes(value)) return 'full';
  return text.includes('*' + value.slice(-4)) ? 'masked' : 'none';
}

/**
 * What a JSON or HTML answer shows of the given student's identifiers, or null when there is nothing
 * to check (no student, or a file or PDF whose bytes are not text).
 */
function seenIn(got: { body: unknown; headers?: Headers }, target: Target): Seen | null {
  const type = got.headers?.get('content-type') ?? '';
  if (!target.fixture || !/json|html/.test(type)) return null;
  const text = typeof got.body === 'string' ? got.body : JSON.stringify(got.body);
  return { id: levelOf(text, target.fixture.idNumber), phone: levelOf(text, target.fixture.mobile) };
}

function expectedSeen(row: MatrixRow, who: Who): Seen | undefined {
  if (!row.sees) return undefined;
  if ('id' in row.sees) return row.sees;
  const perWho = row.sees;
  return perWho[who] ?? perWho['*'];
}

const show = (seen: Seen | null | undefined) => (seen ? `id ${seen.id}, phone ${seen.phone}` : 'nothing declared');

function title(row: MatrixRow): string {
  return `${row.route}${row.kind ? ` [${row.kind}${row.action ? ' ' + row.action : ''}]` : ''} — ${row.given}`;
}

const ordered = [...ACCESS_MATRIX.filter((r) => !r.signsOut), ...ACCESS_MATRIX.filter((r) => r.signsOut)];

describe('every role in every relationship gets exactly the status the matrix says', () => {
  it.each(ordered.map((row) => [title(row), row] as const))('%s', { timeout: 60_000 }, async (_, row) => {
    const given = GIVEN[row.given];
    if (!given) throw new Error(`no scenario named "${row.given}" in access-matrix.test.ts`);
    const writes = !row.route.startsWith('GET');
    const cells = Object.entries(row.expect) as Array<[Who, number]>;
    // refusals first, all at once on one record: a refused call changes nothing. Each further
    // success (a write) gets a record of its own, so one cell's success cannot decide another's.
    const ok = (status: number) => status >= 200 && status < 300;
    const refusals = cells.filter(([, s]) => !ok(s));
    const successes = cells.filter(([, s]) => ok(s));
    const target = await given();
    const wrong: string[] = [];
    const check = async (who: Who, status: number, on: Target) => {
      const got = await call(await clientFor(who, on, row), row, on);
      if (got.status !== status) {
        wrong.push(`${who}: expected ${status}, got ${got.status} ${JSON.stringify(got.body?.error ?? '')}`);
        return;
      }
      // who may see each field: every answer that carries data about the given student says how much
      const seen = seenIn(got, on);
      if (!ok(status)) {
        if (seen && (seen.id !== 'none' || seen.phone !== 'none'))
          wrong.push(`${who}: a refusal shows ${show(seen)} of the student's identifiers`);
        return;
      }
      const expected = expectedSeen(row, who);
      if (seen && (!expected || expected.id !== seen.id || expected.phone !== seen.phone)) {
        wrong.push(`${who}: the answer shows ${show(seen)} of the student's 身份证号 and phone; the matrix says ${show(expected)}`);
      }
    };
    await Promise.all(refusals.map(([who, status]) => check(who, status, target)));
    const targets = [target, ...(await Promise.all(successes.slice(1).map(() => (writes ? given() : Promise.resolve(target)))))];
    await Promise.all(successes.map(([who, status], i) => check(who, status, targets[i]!)));
    if (row.route === 'GET /api/:kind' && target.id) {
      await Promise.all(
        successes.map(async ([who]) => {
          const client = await clientFor(who, target, row);
          const listed = (await client.get(pathOf(row, target))).body.items.some((item: { id: string }) => item.id === target.id);
          const opens = (await client.get(`/api/${row.kind}/${target.id}`)).status === 200;
          if (listed !== opens)
            wrong.push(`${who}: ${listed ? 'lists the record but may not open it' : 'may open the record but does not list it'}`);
        }),
      );
    }
    expect(wrong.sort()).toEqual([]);
  });
});

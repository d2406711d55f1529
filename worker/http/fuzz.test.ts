/**
 * docs/architecture.md and docs/security.md: bad input is never a 500 and never half-written. fast-check throws malformed bodies —
 * wrong types, huge strings, deep nesting, unicode edge cases, prototype-pollution keys, extra
 * fields, non-JSON text, wrong content types — at every write endpoint, signed in as the one who
 * may call it, on a record in the state where the call applies. Every refusal must have the error
 * shape with a Chinese message and leave row counts and the record exactly as they were. Seeded by
 * the run's TEST_SEED (test/seed-setup.ts), so a failure replays.
 */
import { env } from 'cloudflare:workers';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { TestClient, type Reply } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import {
  amendmentProposed,
  demo,
  dispatchIn,
  invitationIn,
  offlineAgreementIn,
  onlineAgreementIn,
  registrationIn,
  sourceRecordIn,
  terminationIn,
  type Scenario,
} from '../test/scenarios';

const RUNS = 12;
const TIMEOUT = 300_000;

// ── what a hostile or broken client sends ──

const POLLUTION = ['__proto__', 'constructor', 'prototype'];
const KNOWN_KEYS = [
  'version',
  'data',
  'reason',
  'studentId',
  'agreementId',
  'mode',
  'username',
  'password',
  'currentPassword',
  'newPassword',
  'idNumber',
  'mobile',
  'email',
  'definition',
  'confirm',
  'baseVersion',
];
const FIELD_KEYS = [
  'name',
  'idNumber',
  'mobile',
  'monthlySalary',
  'deadline',
  'proofPhotos',
  'letter',
  'employerName',
  'creditCode',
  'originRegion',
  'consentRemark',
  'collegeRemark',
  'items',
];

const oddStrings = fc.constantFrom(
  '\uD800',
  '\uDFFF',
  'a\uD83Db',
  '\u202Eevil\u202C',
  '\u200F\u05D0\u05D1',
  '\u0000',
  'nul\u0000byte',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'e\u0301\u0301\u0301\u0301',
  '\uFEFF',
  '\uFFFF',
  '𠮷野家',
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '../../etc/passwd',
  'NaN',
  '-0',
  '1e309',
  '',
  ' ',
  '\r\n',
);
const hugeStrings = fc.constantFrom(5_000, 120_000, 400_000).map((n) => '字'.repeat(n));
const strings = fc.oneof(fc.string(), fc.string({ unit: 'binary', maxLength: 40 }), oddStrings, hugeStrings);

/** JSON text with nesting far beyond any real form: arrays or objects, thousands deep. */
const deepJson = fc
  .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean())
  .map(([depth, arrays]) => (arrays ? '['.repeat(depth) + '1' + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)));

/**
 * Values as JSON text, built by hand so `__proto__` ends up as a literal key in the body — the way
 * an attacker sends it — rather than being eaten by a JavaScript object literal on our side.
 */
const jsonValue: fc.Arbitrary<string> = fc.letrec<{ value: string }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    strings.map((s) => JSON.stringify(s)),
    fc
      .oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constantFrom(1, 0, -1, 2 ** 53, 1e300))
      .map((n) => JSON.stringify(n)),
    fc.constantFrom('true', 'false', 'null', '1e999', '-1e999'),
    fc.array(tie('value'), { maxLength: 4 }).map((items) => `[${items.join(',')}]`),
    objectOf(fc.oneof(fc.constantFrom(...POLLUTION, ...FIELD_KEYS), fc.string(), oddStrings), tie('value')),
    deepJson,
  ),
})).value;

function objectOf(keys: fc.Arbitrary<string>, values: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(keys, values), { maxLength: 6 })
    .map((entries) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`);
}

/** A JSON object body: the keys the endpoint reads (with anything in them), pollution keys, extras. */
const jsonBody = objectOf(fc.oneof(fc.constantFrom(...KNOWN_KEYS, ...POLLUTION), fc.string(), oddStrings), jsonValue);

/** A well-formed transition body whose form data is malformed: the deepest the junk can get. */
const transitionBody = fc
  .tuple(fc.integer({ min: -3, max: 50 }), objectOf(fc.constantFrom(...FIELD_KEYS, ...POLLUTION), jsonValue), jsonValue)
  .map(([version, data, reason]) => `{"version":${version},"data":${data},"reason":${reason},"__proto__":{"polluted":true},"extra":1}`);

const notJson = fc.oneof(
  fc.string(),
  oddStrings,
  fc.constantFrom('', 'null', '[]', '"x"', '1', '{', '{"version":', '{"a":1}{"b":2}', 'version=1&data=x', '<xml/>'),
  deepJson,
  fc.uint8Array({ maxLength: 64 }).map((b) => String.fromCharCode(...b)),
);

const contentTypes = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  '',
  'application/jsonp',
  'application/json-patch+json',
);

const anyBody = fc.oneof(
  fc.record({ text: jsonBody, type: fc.constant('application/json') }),
  fc.record({ text: transitionBody, type: fc.constant('application/json') }),
  fc.record({ text: fc.oneof(jsonBody, notJson), type: contentTypes }),
);

// ── what must not change ──

const TABLES = ['records', 'audit_events', 'accounts', 'files', 'students', 'employers', 'form_versions', 'sessions'];

async function snapshot(recordId?: string) {
  const counts = await env.DB.prepare(`SELECT ${TABLES.map((t) => `(SELECT COUNT(*) FROM ${t}) AS ${t}`).join(', ')}`).first();
  const record = recordId
    ? await env.DB.prepare('SELECT state, version, data, updated_at FROM records WHERE id = ?').bind(recordId).first()
    : null;
  return { counts, record };
}

const CHINESE = /[\u4e00-\u9fff]/;

// ── every write endpoint, with who may call it and on what ──

interface Target {
  client: TestClient;
  path: string;
  recordId?: string;
  /** sends the fuzzed body some other way than as the request body (uploads, imports) */
  send?: (client: TestClient, text: string, type: string) => Promise<Reply>;
}

const onRecord =
  (kind: string, action: string, make: () => Promise<Scenario>, who: (s: Scenario) => Promise<TestClient> | TestClient) =>
  async (): Promise<Target> => {
    const s = await make();
    return { client: await who(s), path: `/api/${kind}/${s.id}/${action}`, recordId: s.id };
  };
const own = (s: Scenario) => s.student;
const as = (username: string) => () => demo(username);

async function multipart(client: TestClient, path: string, text: string, type: string): Promise<Reply> {
  return client.upload(path, text, text.slice(0, 30) || 'x', type);
}

const ENDPOINTS: Array<[string, () => Promise<Target>]> = [
  ['POST /api/invitations', async () => ({ client: await demo('employer'), path: '/api/invitations' })],
  [
    'POST /api/agreements',
    async () => {
      const s = await studentWithSourceRecord('approved');
      return { client: await TestClient.as(s.username), path: '/api/agreements' };
    },
  ],
  [
    'POST /api/agreements/preview',
    async () => {
      const s = await studentWithSourceRecord('approved');
      return { client: await TestClient.as(s.username), path: '/api/agreements/preview' };
    },
  ],
  ['POST /api/amendments', async () => ({ client: await demo('employer'), path: '/api/amendments' })],
  ['POST /api/terminations', async () => ({ client: await demo('employer'), path: '/api/terminations' })],
  ['POST /api/source-records', async () => ({ client: await demo('school'), path: '/api/source-records' })],
  ['source-records save', onRecord('source-records', 'save', () => sourceRecordIn('imported'), own)],
  ['source-records submit', onRecord('source-records', 'submit', () => sourceRecordIn('imported'), own)],
  ['source-records correct', onRecord('source-records', 'correct', () => sourceRecordIn('imported'), as('school'))],
  ['source-records reject', onRecord('source-records', 'reject', () => sourceRecordIn('submitted'), as('school'))],
  ['invitations save', onRecord('invitations', 'save', () => invitationIn('draft'), as('employer'))],
  ['invitations send', onRecord('invitations', 'send', () => invitationIn('draft'), as('employer'))],
  ['invitations edit', onRecord('invitations', 'edit', () => invitationIn('sent'), as('employer'))],
  ['invitations accept', onRecord('invitations', 'accept', () => invitationIn('sent'), own)],
  ['invitations reject', onRecord('invitations', 'reject', () => invitationIn('sent'), own)],
  ['agreements approve', onRecord('agreements', 'approve', () => onlineAgreementIn('school_review'), as('school'))],
  ['agreements reject', onRecord('agreements', 'reject', () => onlineAgreementIn('college_review'), as('college'))],
  ['agreements edit', onRecord('agreements', 'edit', () => offlineAgreementIn('college_review'), own)],
  ['agreements resubmit', onRecord('agreements', 'resubmit', () => offlineAgreementIn('returned'), own)],
  ['amendments agree', onRecord('amendments', 'agree', amendmentProposed, own)],
  ['amendments decline', onRecord('amendments', 'decline', amendmentProposed, own)],
  ['terminations consent', onRecord('terminations', 'consent', () => terminationIn('consent_pending'), own)],
  ['terminations approve', onRecord('terminations', 'approve', () => terminationIn('school_review'), as('school'))],
  ['dispatches save', onRecord('dispatches', 'save', () => dispatchIn('unconfirmed'), own)],
  ['dispatches submit', onRecord('dispatches', 'submit', () => dispatchIn('unconfirmed'), own)],
  ['dispatches reject', onRecord('dispatches', 'reject', () => dispatchIn('center_review'), as('center'))],
  ['employer-registrations reject', onRecord('employer-registrations', 'reject', () => registrationIn('pending'), as('center'))],
  [
    'employer-registrations resubmit',
    onRecord(
      'employer-registrations',
      'resubmit',
      () => registrationIn('returned'),
      (s) => s.registrant!,
    ),
  ],
  [
    'POST /api/files',
    async () => ({ client: await demo('student'), path: '/api/files', send: (c, text, type) => multipart(c, '/api/files', text, type) }),
  ],
  ['POST /api/files (raw body)', async () => ({ client: await demo('student'), path: '/api/files' })],
  [
    'POST /api/source-records/import',
    async () => ({
      client: await demo('school'),
      path: '/api/source-records/import',
      send: (c, text, type) => multipart(c, '/api/source-records/import', text, type),
    }),
  ],
  ['PUT /api/forms/agreement/draft', async () => ({ client: await demo('admin'), path: '/api/forms/agreement/draft' })],
  ['PUT /api/schools/me/profile', async () => ({ client: await demo('school2'), path: '/api/schools/me/profile' })],
  ['PUT /api/lifecycles/dispatches/reasons', async () => ({ client: await demo('admin'), path: '/api/lifecycles/dispatches/reasons' })],
  ['POST /api/forms/agreement/publish', async () => ({ client: await demo('admin'), path: '/api/forms/agreement/publish' })],
  ['POST /api/forms/agreement/rollback', async () => ({ client: await demo('admin'), path: '/api/forms/agreement/rollback' })],
  ['POST /api/employers', () => Promise.resolve({ client: new TestClient(), path: '/api/employers' })],
  [
    'POST /api/session/identity',
    async () => {
      const s = await studentWithSourceRecord('imported');
      return { client: await TestClient.as(s.username), path: '/api/session/identity' };
    },
  ],
  [
    'POST /api/session/password',
    async () => {
      const s = await studentWithSourceRecord('imported');
      return { client: await TestClient.as(s.username), path: '/api/session/password' };
    },
  ],
  // last: failed sign-ins may count towards throttling
  ['POST /api/session', () => Promise.resolve({ client: new TestClient(), path: '/api/session' })],
];

const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort();

describe('malformed bodies at every write endpoint: never a 5xx, never a partial write', () => {
  let before: string[];
  beforeAll(async () => {
    before = prototypeKeys();
    // shipped definitions are stored as version 1 on first read: do that now, not inside a measured request
    const admin = await demo('admin');
    for (const key of ['source', 'agreement', 'termination', 'dispatch', 'employer'])
      expect((await admin.get(`/api/forms/${key}`)).status).toBe(200);
  });

  it.each(ENDPOINTS)(
    '%s',
    async (name, make) => {
      let target = await make();
      const method = name.startsWith('PUT') ? 'PUT' : 'POST';
      await fc.assert(
        fc.asyncProperty(anyBody, async ({ text, type }) => {
          const was = await snapshot(target.recordId);
          const res = target.send
            ? await target.send(target.client, text, type)
            : await target.client.request(method, target.path, undefined, { rawBody: text, contentType: type });
          expect(res.status, JSON.stringify(res.body)).toBeLessThan(500);
          if (res.status < 300) {
            // a body that happened to be valid did its job; later runs get a fresh record
            target = await make();
            return;
          }
          expect(res.body?.error, JSON.stringify(res.body)).toMatchObject({
            code: expect.any(String),
            message: expect.stringMatching(CHINESE),
          });
          expect(await snapshot(target.recordId)).toEqual(was);
        }),
        { numRuns: RUNS, endOnFailure: true },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeKeys()).toEqual(before);
    },
    TIMEOUT,
  );
});

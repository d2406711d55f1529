/**
 * The authorization matrix (docs/architecture.md, roles and scope): for every route the app registers, the exact status each
 * role gets, in each relationship to the record the call is about. `access-matrix.test.ts` runs every
 * cell against the real worker and also fails when a route (or a lifecycle kind or action) has no
 * entry here, or an entry names something the app no longer has. Add the row with the route.
 *
 * Who is who, seen from the record (a fresh student of 计算机科学与技术学院 of 江苏示范大学, and the
 * demo employer where one is involved):
 *   student                 the record's own student
 *   student@otherCollege    `student2`, same school, another college
 *   student@otherSchool     `student3`, another school
 *   employer                `employer`, the record's employer (verified)
 *   employer@other          `employer2`, another employer (not verified)
 *   employer@otherVerified  another employer the centre has verified (registered by the test)
 *   college / school        `college` / `school`, the record's reviewers
 *   college@other           `college2`, another college of the same school
 *   school@other            `school2`, another school
 *   province, center, admin the province-wide accounts
 *   anonymous               not signed in
 * For calls about no particular record `student` is the demo `student`.
 */
import type { Kind } from '../lifecycle/types';

export const WHO = [
  'anonymous',
  'student',
  'student@otherCollege',
  'student@otherSchool',
  'employer',
  'employer@other',
  'employer@otherVerified',
  'college',
  'college@other',
  'school',
  'school@other',
  'province',
  'center',
  'admin',
] as const;
export type Who = (typeof WHO)[number];

/** How the call is made; `{id}`, `{fileId}`, `{code}` in a path come from the given record. */
export type Body =
  | 'none'
  /** `{}` */
  | 'empty'
  /** `{ version, data, reason }` of the given record */
  | 'transition'
  /** the create body the given prepares (`{ studentId, data }`, `{ agreementId, data }`, …) */
  | 'create'
  /** `{ mode: 'offline', data }` of a paper agreement (线下签约 预览确认) */
  | 'offline agreement'
  /** a multipart upload of a tiny PNG */
  | 'upload'
  /** `{ definition: 'x', version: 'x' }`: wrong types for the admin form calls */
  | 'malformed';

/** How much of the given student's 身份证号 and phone an answer carries. */
export type Level = 'full' | 'masked' | 'none';
export interface Seen {
  id: Level;
  phone: Level;
}

export const FULL: Seen = { id: 'full', phone: 'full' };
export const MASKED: Seen = { id: 'masked', phone: 'masked' };
/** a list row: the ID masked in its title, no phone */
export const LISTED: Seen = { id: 'masked', phone: 'none' };
export const NONE: Seen = { id: 'none', phone: 'none' };

export interface MatrixRow {
  /** method and path exactly as Hono registers the route (`app.routes`) */
  route: string;
  /** for the generic record routes: the lifecycle kind (and action) this row is about */
  kind?: Kind;
  action?: string;
  /** the record the call is about, by the name of a scenario in the test (`none` for no record) */
  given: string;
  /** the concrete path, when it is not derived from the generic route and the given record */
  path?: string;
  body?: Body;
  /** every status exactly; columns left out are those where the relationship does not apply */
  expect: Partial<Record<Who, number>>;
  /** the call ends the caller's session: run it after every other row */
  signsOut?: boolean;
  /**
   * What each successful JSON answer shows of the given student's 身份证号 and phone: one value for
   * every 2xx cell, or per column. Required on every row whose given record has a student.
   */
  sees?: Seen | Partial<Record<Who | '*', Seen>>;
}

/**
 * Every column `rest` except those named; `anonymous` is 401 unless named, since nearly every route
 * wants a session.
 */
function grid(rest: number, named: Partial<Record<Who, number>> = {}): Partial<Record<Who, number>> {
  return Object.fromEntries(WHO.map((who) => [who, named[who] ?? (who === 'anonymous' ? 401 : rest)]));
}

/** Only the columns where the relationship applies (creating for oneself, role-only routes). */
function roles(cells: Partial<Record<Who, number>>): Partial<Record<Who, number>> {
  return { anonymous: 401, ...cells };
}

const everyone = (status: number) => grid(status, { anonymous: status });
const signedIn = (status: number) => grid(status);

/**
 * The readers of each kind get 200 for a list, everyone else 404. The list is scoped: the test also
 * checks that the given record is listed to exactly those who may open it.
 */
const list = (kind: Kind, given: string, notReaders: Who[], listers: Who[], ownStudent: Seen = NONE): MatrixRow => ({
  route: 'GET /api/:kind',
  kind,
  given,
  expect: grid(200, Object.fromEntries(notReaders.map((w) => [w, 404]))),
  // those who list the record see its student's ID masked in the title; the others see nothing of it
  sees: { '*': NONE, student: ownStudent, ...Object.fromEntries(listers.map((w) => [w, LISTED])) },
});

/** Reviewers and the parties read a record's student in full; the platform admin only masked. */
const fullTo = (...who: Who[]): Partial<Record<Who | '*', Seen>> => ({ admin: MASKED, ...Object.fromEntries(who.map((w) => [w, FULL])) });

const STUDENTS_ELSEWHERE = { 'student@otherCollege': 404, 'student@otherSchool': 404 } as const;

export const ACCESS_MATRIX: MatrixRow[] = [
  // ── no record ──
  { route: 'GET /api/health', given: 'none', path: '/api/health', expect: everyone(200) },
  { route: 'GET /api/openapi.json', given: 'none', path: '/api/openapi.json', expect: everyone(200) },
  { route: 'POST /api/session', given: 'none', path: '/api/session', body: 'empty', expect: everyone(400) },
  { route: 'GET /api/session', given: 'none', path: '/api/session', expect: signedIn(200) },
  { route: 'DELETE /api/session', given: 'none', path: '/api/session', expect: everyone(200), signsOut: true },
  {
    route: 'POST /api/session/identity',
    given: 'none',
    path: '/api/session/identity',
    body: 'empty',
    expect: grid(403, { student: 400, 'student@otherCollege': 400, 'student@otherSchool': 400 }),
  },
  { route: 'POST /api/session/password', given: 'none', path: '/api/session/password', body: 'empty', expect: signedIn(400) },
  { route: 'GET /api/lifecycles', given: 'none', path: '/api/lifecycles', expect: signedIn(200) },
  // reasons to pick when rejecting: the admin's to keep (a body without a list is refused, nothing changes)
  {
    route: 'GET /api/lifecycles/:kind/reasons',
    given: 'none',
    path: '/api/lifecycles/agreements/reasons',
    expect: grid(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/lifecycles/:kind/reasons',
    given: 'none',
    path: '/api/lifecycles/agreements/reasons',
    body: 'empty',
    expect: grid(403, { admin: 400 }),
  },
  // the next record of a queue waiting for the caller: the kind's readers (only an id, nothing personal)
  { route: 'GET /api/:kind/next', given: 'none', path: '/api/agreements/next', expect: grid(200, { province: 404 }) },
  { route: 'GET /api/forms/:key', given: 'none', path: '/api/forms/agreement', expect: signedIn(200) },
  { route: 'GET /api/forms/:key/versions/:n', given: 'none', path: '/api/forms/agreement/versions/1', expect: signedIn(200) },
  // a JSON body instead of a file: 400 shows the school got past the role check, and imports nothing
  {
    route: 'POST /api/source-records/import',
    given: 'none',
    path: '/api/source-records/import',
    body: 'empty',
    expect: grid(403, { school: 400, 'school@other': 400 }),
  },
  {
    route: 'GET /api/source-records/import-template',
    given: 'none',
    path: '/api/source-records/import-template',
    expect: grid(403, { school: 200, 'school@other': 200 }),
  },
  // employer2 is not verified yet: no lookups
  {
    route: 'GET /api/students/lookup',
    given: 'approved student',
    path: '/api/students/lookup?school=sch-1&cohort=2027&idNumber={idNumber}',
    expect: grid(403, { employer: 200, 'employer@otherVerified': 200 }),
    sees: MASKED,
  },
  // a student's own lookups and 签约码; creating one needs 省级通过 (student2 is still 学校导入)
  {
    route: 'GET /api/students/me/lookups',
    given: 'none',
    path: '/api/students/me/lookups',
    expect: grid(403, { student: 200, 'student@otherCollege': 200, 'student@otherSchool': 200 }),
  },
  {
    route: 'GET /api/students/me/signing-codes',
    given: 'none',
    path: '/api/students/me/signing-codes',
    expect: grid(403, { student: 200, 'student@otherCollege': 200, 'student@otherSchool': 200 }),
  },
  {
    route: 'POST /api/students/me/signing-codes',
    given: 'approved student',
    path: '/api/students/me/signing-codes',
    body: 'empty',
    expect: grid(403, { student: 201, 'student@otherCollege': 409, 'student@otherSchool': 201 }),
    sees: NONE,
  },
  {
    route: 'DELETE /api/students/me/signing-codes/:id',
    given: 'signing code',
    path: '/api/students/me/signing-codes/{codeId}',
    expect: grid(403, { student: 200, ...STUDENTS_ELSEWHERE }),
    sees: NONE,
  },
  { route: 'GET /api/schools', given: 'none', path: '/api/schools', expect: signedIn(200) },
  {
    route: 'GET /api/students/me/contact',
    given: 'approved student',
    path: '/api/students/me/contact',
    expect: grid(403, { student: 200, 'student@otherCollege': 200, 'student@otherSchool': 200 }),
    sees: { '*': NONE, student: FULL },
  },
  {
    route: 'PUT /api/students/me/contact',
    given: 'approved student',
    path: '/api/students/me/contact',
    body: 'empty',
    expect: grid(403, { student: 400, 'student@otherCollege': 400, 'student@otherSchool': 400 }),
  },
  // 重置密码: the one-time password comes with the username, which for a student is the ID number
  {
    route: 'POST /api/students/:id/reset-password',
    given: 'approved student',
    path: '/api/students/{studentId}/reset-password',
    expect: grid(403, { college: 200, school: 200, 'college@other': 404, 'school@other': 404 }),
    sees: { id: 'full', phone: 'none' },
  },
  {
    route: 'POST /api/employers/:id/reset-password',
    given: 'registered employer',
    path: '/api/employers/{employerId}/reset-password',
    expect: grid(403, { center: 200 }),
  },
  // students are not the admin's to reset (the admin's own success, on a reviewer, is in password-resets.test.ts)
  {
    route: 'POST /api/accounts/:username/reset-password',
    given: 'none',
    path: '/api/accounts/student/reset-password',
    expect: grid(403, { admin: 404 }),
  },
  {
    route: 'POST /api/source-records/reset-passwords',
    given: 'none',
    path: '/api/source-records/reset-passwords',
    body: 'empty',
    expect: grid(403, { school: 400, 'school@other': 400 }),
  },
  {
    route: 'GET /api/dispatches/export',
    given: 'none',
    path: '/api/dispatches/export',
    expect: grid(403, { school: 200, 'school@other': 200, center: 200 }),
  },
  {
    route: 'GET /api/destinations/export',
    given: 'none',
    path: '/api/destinations/export',
    expect: grid(403, { school: 200, 'school@other': 200, center: 200 }),
  },
  // 去向跟进: a college's counsellors (and the school) list their graduates and note one of them
  {
    route: 'GET /api/destinations/follow-up',
    given: 'none',
    path: '/api/destinations/follow-up',
    expect: grid(403, { college: 200, 'college@other': 200, school: 200, 'school@other': 200 }),
  },
  {
    route: 'POST /api/destinations/follow-up/:studentId/notes',
    given: 'approved student',
    path: '/api/destinations/follow-up/{studentId}/notes',
    body: 'empty',
    expect: grid(403, { college: 422, 'college@other': 404, school: 422, 'school@other': 404 }),
  },
  // 就业统计: reviewers their own college or school, the province and the centre every school
  {
    route: 'GET /api/statistics',
    given: 'none',
    path: '/api/statistics',
    expect: grid(403, { college: 200, 'college@other': 200, school: 200, 'school@other': 200, province: 200, center: 200 }),
  },
  // 学校信息: each school reviewer has its own school's; `{}` lacks the required fields, so 422 writes nothing
  {
    route: 'GET /api/schools/me/profile',
    given: 'none',
    path: '/api/schools/me/profile',
    expect: grid(403, { school: 200, 'school@other': 200 }),
  },
  {
    route: 'PUT /api/schools/me/profile',
    given: 'none',
    path: '/api/schools/me/profile',
    body: 'empty',
    expect: grid(403, { school: 422, 'school@other': 422 }),
  },
  // 毕业去向登记 rules of a cohort: everyone who works with destinations reads them, the province sets them
  {
    route: 'GET /api/destinations/settings/:cohort',
    given: 'none',
    path: '/api/destinations/settings/2027',
    expect: grid(200, { employer: 403, 'employer@other': 403, 'employer@otherVerified': 403 }),
  },
  {
    route: 'PUT /api/destinations/settings/:cohort',
    given: 'none',
    path: '/api/destinations/settings/2027',
    body: 'empty',
    expect: grid(403, { province: 422 }),
  },
  // without an account only as a registration's 营业执照 (bounded per address like registering)
  { route: 'POST /api/files', given: 'none', path: '/api/files', body: 'upload', expect: everyone(201) },
  // registering needs no account, and neither does the form it is made with
  { route: 'GET /api/employers/form', given: 'none', path: '/api/employers/form', expect: everyone(200) },
  { route: 'POST /api/employers', given: 'none', path: '/api/employers', body: 'empty', expect: everyone(400) },

  // ── form definitions: published ones for everyone signed in, drafts and publishing for admin ──
  // (a malformed body answers 400 once the role check has passed, and changes nothing)
  { route: 'GET /api/forms', given: 'none', path: '/api/forms', expect: grid(403, { admin: 200 }) },
  { route: 'GET /api/forms/:key/versions', given: 'none', path: '/api/forms/agreement/versions', expect: grid(403, { admin: 200 }) },
  {
    route: 'GET /api/forms/:key/draft',
    given: 'agreement form draft',
    path: '/api/forms/agreement/draft',
    expect: grid(403, { admin: 200 }),
  },
  {
    route: 'PUT /api/forms/:key/draft',
    given: 'none',
    path: '/api/forms/agreement/draft',
    body: 'malformed',
    expect: grid(403, { admin: 400 }),
  },
  {
    route: 'GET /api/forms/:key/impact',
    given: 'agreement form draft',
    path: '/api/forms/agreement/impact',
    expect: grid(403, { admin: 200 }),
  },
  {
    route: 'GET /api/forms/:key/diff',
    given: 'agreement form draft',
    path: '/api/forms/agreement/diff?from=1&to=draft',
    expect: grid(403, { admin: 200 }),
  },
  {
    route: 'POST /api/forms/:key/publish',
    given: 'none',
    path: '/api/forms/agreement/publish',
    body: 'malformed',
    expect: grid(403, { admin: 400 }),
  },
  {
    route: 'POST /api/forms/:key/check',
    given: 'none',
    path: '/api/forms/agreement/check',
    body: 'malformed',
    expect: grid(403, { admin: 400 }),
  },
  {
    route: 'POST /api/forms/:key/rollback',
    given: 'none',
    path: '/api/forms/agreement/rollback',
    body: 'malformed',
    expect: grid(403, { admin: 400 }),
  },
  {
    route: 'DELETE /api/forms/:key/draft',
    given: 'agreement form draft',
    path: '/api/forms/agreement/draft',
    expect: grid(403, { admin: 204 }),
  },

  // ── 消息中心: every account its own messages; an id that is not the caller's is 404 ──
  { route: 'GET /api/notifications', given: 'none', path: '/api/notifications', expect: signedIn(200) },
  { route: 'GET /api/notifications/unread-count', given: 'none', path: '/api/notifications/unread-count', expect: signedIn(200) },
  {
    route: 'POST /api/notifications/:id/read',
    given: 'none',
    path: '/api/notifications/no-such-message/read',
    body: 'empty',
    expect: signedIn(404),
  },
  // e-mail and SMS the admin watches: parked and waiting rows, 本地发件箱 (addresses masked); an id not parked is 404
  { route: 'GET /api/admin/outbox', given: 'none', path: '/api/admin/outbox', expect: grid(403, { admin: 200 }) },
  {
    route: 'POST /api/admin/outbox/:id/retry',
    given: 'none',
    path: '/api/admin/outbox/no-such-row/retry',
    body: 'empty',
    expect: grid(403, { admin: 404 }),
  },
  { route: 'GET /api/admin/local-mailbox', given: 'none', path: '/api/admin/local-mailbox', expect: grid(403, { admin: 200 }) },
  // e-mail/SMS per category: `{}` lacks the list, so 422 saves nothing
  { route: 'GET /api/notifications/preferences', given: 'none', path: '/api/notifications/preferences', expect: signedIn(200) },
  {
    route: 'PUT /api/notifications/preferences',
    given: 'none',
    path: '/api/notifications/preferences',
    body: 'empty',
    expect: signedIn(422),
  },
  { route: 'POST /api/notifications/read-all', given: 'none', path: '/api/notifications/read-all', body: 'empty', expect: signedIn(200) },

  // ── the audit chain check ──
  { route: 'GET /api/audit/verify', given: 'none', path: '/api/audit/verify', expect: grid(403, { admin: 200 }) },

  // ── uploads: the uploader alone while loose, then exactly the readers of the record ──
  { route: 'GET /api/files/:id', given: 'loose upload', path: '/api/files/{fileId}', expect: grid(404, { student: 200 }) },
  {
    route: 'GET /api/files/:id',
    given: 'dispatch unconfirmed',
    path: '/api/files/{fileId}',
    expect: grid(404, { student: 200, college: 200, school: 200, center: 200, admin: 200 }),
  },
  {
    route: 'GET /api/agreements/:id/pdf',
    given: 'online agreement college_review',
    path: '/api/agreements/{id}/pdf',
    expect: grid(404, { student: 200, employer: 200, college: 200, school: 200, center: 200, admin: 200 }),
  },

  // ── public verification page ──
  { route: 'GET /verify/:code', given: 'online agreement approved', path: '/verify/{code}', expect: everyone(200), sees: NONE },
  { route: 'GET /verify', given: 'none', path: '/verify', expect: everyone(404) },
  { route: 'GET /verify/*', given: 'none', path: '/verify/a/b', expect: everyone(404) },

  // ── generic record routes: lists ──
  list(
    'source-records',
    'source record imported',
    ['employer', 'employer@other', 'employer@otherVerified'],
    ['college', 'school', 'province', 'center', 'admin'],
    { id: 'full', phone: 'none' },
  ),
  list('invitations', 'invitation sent', ['province', 'center'], ['employer', 'college', 'school', 'admin']),
  list('agreements', 'online agreement college_review', ['province'], ['employer', 'college', 'school', 'center', 'admin']),
  list('amendments', 'amendment proposed', ['province', 'center'], ['employer', 'college', 'school', 'admin']),
  list('terminations', 'termination consent_pending', ['province', 'center'], ['employer', 'college', 'school', 'admin']),
  list(
    'dispatches',
    'dispatch unconfirmed',
    ['employer', 'employer@other', 'employer@otherVerified', 'province'],
    ['college', 'school', 'center', 'admin'],
  ),
  list(
    'employer-registrations',
    'registration pending',
    ['student', 'student@otherCollege', 'student@otherSchool', 'college', 'college@other', 'school', 'school@other', 'province'],
    [],
  ),

  // ── generic record routes: one record ──
  {
    route: 'GET /api/:kind/:id',
    kind: 'source-records',
    given: 'source record imported',
    expect: grid(404, { student: 200, college: 200, school: 200, province: 200, center: 200, admin: 200 }),
    sees: fullTo('student', 'college', 'school', 'province', 'center'),
  },
  // a draft invitation is the employer's own pending list: nobody else sees it yet
  {
    route: 'GET /api/:kind/:id',
    kind: 'invitations',
    given: 'invitation draft',
    expect: grid(404, { employer: 200, admin: 200 }),
    sees: MASKED,
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'invitations',
    given: 'invitation sent',
    expect: grid(404, { student: 200, employer: 200, college: 200, school: 200, admin: 200 }),
    sees: { ...fullTo('student', 'college', 'school'), employer: MASKED },
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'agreements',
    given: 'online agreement college_review',
    expect: grid(404, { student: 200, employer: 200, college: 200, school: 200, center: 200, admin: 200 }),
    sees: fullTo('student', 'employer', 'college', 'school', 'center'),
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'amendments',
    given: 'amendment proposed',
    expect: grid(404, { student: 200, employer: 200, college: 200, school: 200, admin: 200 }),
    sees: fullTo('student', 'employer', 'college', 'school'),
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'terminations',
    given: 'termination consent_pending',
    expect: grid(404, { student: 200, employer: 200, college: 200, school: 200, admin: 200 }),
    sees: NONE,
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'dispatches',
    given: 'dispatch unconfirmed',
    expect: grid(404, { student: 200, college: 200, school: 200, center: 200, admin: 200 }),
    sees: NONE,
  },
  {
    route: 'GET /api/:kind/:id',
    kind: 'employer-registrations',
    given: 'registration of employer',
    expect: grid(404, { employer: 200, center: 200, admin: 200 }),
  },

  // ── generic record routes: create (students create only for themselves) ──
  { route: 'POST /api/:kind', kind: 'source-records', given: 'none', body: 'empty', expect: signedIn(403) },
  {
    route: 'POST /api/:kind',
    kind: 'invitations',
    given: 'approved student',
    body: 'create',
    expect: roles({
      student: 403,
      employer: 201,
      'employer@other': 403,
      'employer@otherVerified': 201,
      college: 403,
      school: 403,
      province: 403,
      center: 403,
      admin: 403,
    }),
    sees: MASKED,
  },
  {
    route: 'POST /api/:kind',
    kind: 'agreements',
    given: 'approved student',
    body: 'create',
    expect: roles({ student: 201, employer: 403, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
    sees: FULL,
  },
  // 线下签约 预览确认: the student's own agreement as it will be stored, with the number it gets
  {
    route: 'POST /api/agreements/preview',
    given: 'approved student',
    path: '/api/agreements/preview',
    body: 'offline agreement',
    expect: roles({ student: 200, employer: 403, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
    sees: FULL,
  },
  {
    route: 'POST /api/:kind',
    kind: 'amendments',
    given: 'online agreement college_review',
    body: 'create',
    expect: grid(403, { employer: 201, 'employer@other': 404, 'employer@otherVerified': 404 }),
    sees: FULL,
  },
  // another employer's agreement is not there in any state: 404 before the state's 409 could tell it
  {
    route: 'POST /api/:kind',
    kind: 'amendments',
    given: 'online agreement approved',
    body: 'create',
    expect: grid(403, { employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  {
    route: 'POST /api/:kind',
    kind: 'amendments',
    given: 'online agreement terminated',
    body: 'create',
    expect: grid(403, { employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  {
    route: 'POST /api/:kind',
    kind: 'terminations',
    given: 'online agreement approved',
    body: 'create',
    expect: grid(403, { student: 201, ...STUDENTS_ELSEWHERE, employer: 201, 'employer@other': 404, 'employer@otherVerified': 404 }),
    sees: NONE,
  },
  {
    route: 'POST /api/:kind',
    kind: 'terminations',
    given: 'online agreement terminated',
    body: 'create',
    expect: grid(403, { student: 409, ...STUDENTS_ELSEWHERE, employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  { route: 'POST /api/:kind', kind: 'dispatches', given: 'none', body: 'empty', expect: signedIn(403) },
  { route: 'POST /api/:kind', kind: 'employer-registrations', given: 'none', body: 'empty', expect: signedIn(403) },

  // ── generic record routes: what a create would start from (the same checks, nothing written) ──
  { route: 'GET /api/:kind/new', kind: 'source-records', given: 'none', expect: signedIn(403) },
  {
    route: 'GET /api/:kind/new',
    kind: 'invitations',
    given: 'approved student',
    expect: roles({
      student: 403,
      employer: 200,
      'employer@other': 403,
      'employer@otherVerified': 200,
      college: 403,
      school: 403,
      province: 403,
      center: 403,
      admin: 403,
    }),
    sees: MASKED,
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'agreements',
    given: 'approved student',
    expect: roles({ student: 200, employer: 403, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
    sees: FULL,
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'amendments',
    given: 'online agreement college_review',
    expect: grid(403, { employer: 200, 'employer@other': 404, 'employer@otherVerified': 404 }),
    sees: FULL,
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'amendments',
    given: 'online agreement approved',
    expect: grid(403, { employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'amendments',
    given: 'online agreement terminated',
    expect: grid(403, { employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'terminations',
    given: 'online agreement approved',
    expect: grid(403, { student: 200, ...STUDENTS_ELSEWHERE, employer: 200, 'employer@other': 404, 'employer@otherVerified': 404 }),
    sees: NONE,
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'terminations',
    given: 'online agreement terminated',
    expect: grid(403, { student: 409, ...STUDENTS_ELSEWHERE, employer: 409, 'employer@other': 404, 'employer@otherVerified': 404 }),
  },
  { route: 'GET /api/:kind/new', kind: 'dispatches', given: 'none', expect: signedIn(403) },
  { route: 'GET /api/:kind/new', kind: 'employer-registrations', given: 'none', expect: signedIn(403) },

  // ── generic record routes: transitions ──
  // 404: may not see the record (or the kind); 403: sees it but the role never takes this action;
  // 409: the role takes this action, just not in this state or not as this party.
  ...(['save', 'submit'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'source-records',
      action,
      given: 'source record imported',
      body: 'transition',
      expect: grid(404, { student: 200, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
      sees: FULL,
    }),
  ),
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'source-records',
    action: 'correct',
    given: 'source record imported',
    body: 'transition',
    expect: grid(404, { student: 403, college: 403, school: 200, province: 403, center: 403, admin: 403 }),
    sees: FULL,
  },
  ...(['approve', 'reject'] as const).flatMap((action): MatrixRow[] => [
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'source-records',
      action,
      given: 'source record submitted',
      body: 'transition',
      expect: grid(404, { student: 403, college: 403, school: 200, province: 409, center: 403, admin: 403 }),
      sees: FULL,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'source-records',
      action,
      given: 'source record school_approved',
      body: 'transition',
      expect: grid(404, { student: 403, college: 403, school: 409, province: 200, center: 403, admin: 403 }),
      sees: FULL,
    },
  ]),

  ...(['save', 'send', 'withdraw'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'invitations',
      action,
      given: 'invitation draft',
      body: 'transition',
      expect: grid(404, { employer: 200, admin: 403 }),
      sees: MASKED,
    }),
  ),
  ...(['edit', 'withdraw'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'invitations',
      action,
      given: 'invitation sent',
      body: 'transition',
      expect: grid(404, { student: 403, employer: 200, college: 403, school: 403, admin: 403 }),
      sees: MASKED,
    }),
  ),
  ...(['accept', 'reject'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'invitations',
      action,
      given: 'invitation sent',
      body: 'transition',
      expect: grid(404, { student: 200, employer: 403, college: 403, school: 403, admin: 403 }),
      sees: FULL,
    }),
  ),

  ...(['approve', 'reject'] as const).flatMap((action): MatrixRow[] => [
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'agreements',
      action,
      given: 'online agreement college_review',
      body: 'transition',
      expect: grid(404, { student: 403, employer: 403, college: 200, school: 409, center: 403, admin: 403 }),
      sees: FULL,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'agreements',
      action,
      given: 'online agreement school_review',
      body: 'transition',
      expect: grid(404, { student: 403, employer: 403, college: 409, school: 200, center: 403, admin: 403 }),
      sees: FULL,
    },
  ]),
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'agreements',
    action: 'edit',
    given: 'offline agreement college_review',
    body: 'transition',
    expect: grid(404, { student: 200, college: 403, school: 403, center: 403, admin: 403 }),
    sees: FULL,
  },
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'agreements',
    action: 'resubmit',
    given: 'offline agreement returned',
    body: 'transition',
    expect: grid(404, { student: 200, college: 403, school: 403, center: 403, admin: 403 }),
    sees: FULL,
  },

  ...(['agree', 'decline'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'amendments',
      action,
      given: 'amendment proposed',
      body: 'transition',
      expect: grid(404, { student: 200, employer: 403, college: 403, school: 403, admin: 403 }),
      sees: FULL,
    }),
  ),
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'amendments',
    action: 'withdraw',
    given: 'amendment proposed',
    body: 'transition',
    expect: grid(404, { student: 403, employer: 200, college: 403, school: 403, admin: 403 }),
    sees: FULL,
  },

  // the employer applied, so only the student is the other party who may answer
  ...(['consent', 'decline'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'terminations',
      action,
      given: 'termination consent_pending',
      body: 'transition',
      expect: grid(404, { student: 200, employer: 409, college: 403, school: 403, admin: 403 }),
      sees: NONE,
    }),
  ),
  ...(['approve', 'reject'] as const).flatMap((action): MatrixRow[] => [
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'terminations',
      action,
      given: 'termination college_review',
      body: 'transition',
      expect: grid(404, { student: 403, employer: 403, college: 200, school: 409, admin: 403 }),
      sees: NONE,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'terminations',
      action,
      given: 'termination school_review',
      body: 'transition',
      expect: grid(404, { student: 403, employer: 403, college: 409, school: 200, admin: 403 }),
      sees: NONE,
    },
  ]),

  ...(['save', 'submit'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'dispatches',
      action,
      given: 'dispatch unconfirmed',
      body: 'transition',
      expect: grid(404, { student: 200, college: 403, school: 403, center: 403, admin: 403 }),
      sees: NONE,
    }),
  ),
  ...(['approve', 'reject'] as const).flatMap((action): MatrixRow[] => [
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'dispatches',
      action,
      given: 'dispatch college_review',
      body: 'transition',
      expect: grid(404, { student: 403, college: 200, school: 409, center: 409, admin: 403 }),
      sees: NONE,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'dispatches',
      action,
      given: 'dispatch school_review',
      body: 'transition',
      expect: grid(404, { student: 403, college: 409, school: 200, center: 409, admin: 403 }),
      sees: NONE,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'dispatches',
      action,
      given: 'dispatch center_review',
      body: 'transition',
      expect: grid(404, { student: 403, college: 409, school: 409, center: 200, admin: 403 }),
      sees: NONE,
    },
  ]),

  // ── 毕业去向登记 (destinations): the student registers and changes, college → school (→ centre) review ──
  list(
    'destinations',
    'destination college_review',
    ['employer', 'employer@other', 'employer@otherVerified'],
    ['college', 'school', 'province', 'center', 'admin'],
  ),
  {
    route: 'GET /api/:kind/:id',
    kind: 'destinations',
    given: 'destination college_review',
    expect: grid(404, { student: 200, college: 200, school: 200, province: 200, center: 200, admin: 200 }),
    sees: NONE,
  },
  {
    route: 'POST /api/:kind',
    kind: 'destinations',
    given: 'approved student',
    body: 'create',
    expect: roles({ student: 201, employer: 403, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
    sees: NONE,
  },
  {
    route: 'GET /api/:kind/new',
    kind: 'destinations',
    given: 'approved student',
    expect: roles({ student: 200, employer: 403, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
    sees: NONE,
  },
  ...(
    [
      ['submit', 'destination returned'],
      ['change', 'destination registered'],
    ] as const
  ).map(
    ([action, given]): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'destinations',
      action,
      given,
      body: 'transition',
      expect: grid(404, { student: 200, college: 403, school: 403, province: 403, center: 403, admin: 403 }),
      sees: NONE,
    }),
  ),
  ...(['approve', 'reject'] as const).flatMap((action): MatrixRow[] => [
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'destinations',
      action,
      given: 'destination college_review',
      body: 'transition',
      expect: grid(404, { student: 403, college: 200, school: 409, province: 403, center: 409, admin: 403 }),
      sees: NONE,
    },
    {
      route: 'POST /api/:kind/:id/:action',
      kind: 'destinations',
      action,
      given: 'destination school_review',
      body: 'transition',
      expect: grid(404, { student: 403, college: 409, school: 200, province: 403, center: 409, admin: 403 }),
      sees: NONE,
    },
  ]),
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'destinations',
    action: 'reopen',
    given: 'destination registered',
    body: 'transition',
    expect: grid(404, { student: 403, college: 403, school: 200, province: 403, center: 403, admin: 403 }),
    sees: NONE,
  },

  // here `employer` is the registrant itself; the demo employers are both someone else
  ...(['approve', 'reject'] as const).map(
    (action): MatrixRow => ({
      route: 'POST /api/:kind/:id/:action',
      kind: 'employer-registrations',
      action,
      given: 'registration pending',
      body: 'transition',
      expect: grid(404, { employer: 403, center: 200, admin: 403 }),
    }),
  ),
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'employer-registrations',
    action: 'resubmit',
    given: 'registration returned',
    body: 'transition',
    expect: grid(404, { employer: 200, center: 403, admin: 403 }),
  },
  // a verified company changes its details: back to the centre
  {
    route: 'POST /api/:kind/:id/:action',
    kind: 'employer-registrations',
    action: 'change',
    given: 'registration verified',
    body: 'transition',
    expect: grid(404, { employer: 200, center: 403, admin: 403 }),
  },
];

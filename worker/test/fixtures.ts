/**
 * Fresh, independent test data written straight to D1 (the import flow is not what these tests
 * are about): a student of a demo college with a source record in the given state, and an
 * account with the demo password.
 */
import { env } from 'cloudflare:workers';
import { newId } from '../lib/encoding';
import { randomInt, seededRandom } from '../../test/seed';
import { ID_SPACE, creditCodeAt, idNumberAt, mobileAt, sourceDataAt } from './fixture-data';

export { idNumberAt } from './fixture-data';

/**
 * Where this test file's students start in the ID space: drawn from the run's seed (TEST_SEED), then
 * consecutive, so no two fixtures of a file share an ID number, 考生号 or phone. D1 is per test file.
 */
let cursor: number | null = null;

function take(n: number): number {
  cursor ??= randomInt(seededRandom('fixtures'), ID_SPACE - 500_000);
  const start = cursor;
  cursor += n;
  return start;
}

/** Valid ID numbers that no other fixture of this file uses. */
export function uniqueIdNumbers(n: number): string[] {
  const start = take(n);
  return Array.from({ length: n }, (_, i) => idNumberAt(start + i));
}

export function uniqueIdNumber(): string {
  return uniqueIdNumbers(1)[0]!;
}

/** A valid mobile number that no other fixture of this file uses. */
export function uniqueMobile(): string {
  return mobileAt(take(1));
}

/** A valid 统一社会信用代码 that no other fixture of this file uses. */
export function uniqueCreditCode(): string {
  return creditCodeAt(take(1));
}

/** A username (letters and digits) that no other fixture of this file uses. */
export function uniqueUsername(prefix: string): string {
  return `${prefix}${take(1).toString(36)}`;
}

export interface FixtureStudent {
  studentId: string;
  recordId: string;
  username: string;
  idNumber: string;
  mobile: string;
}

export async function studentWithSourceRecord(
  state: string,
  opts: { collegeId?: string; schoolId?: string } = {},
): Promise<FixtureStudent> {
  const collegeId = opts.collegeId ?? 'col-1';
  const schoolId = opts.schoolId ?? 'sch-1';
  const studentId = 'stu-' + newId();
  const recordId = newId();
  const data = sourceDataAt(take(1));
  const { idNumber, mobile } = data;
  const hash = (await env.DB.prepare("SELECT password_hash FROM accounts WHERE username = 'student'").first<{ password_hash: string }>())!
    .password_hash;
  await env.DB.batch([
    env.DB.prepare(
      'INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state) VALUES (?, ?, ?, 2027, ?, ?, ?, ?)',
    ).bind(studentId, schoolId, collegeId, idNumber, '测试学生', mobile, state),
    env.DB.prepare(`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by)
      VALUES (?, 'source-records', ?, 1, ?, 'source', 1, ?, ?, ?, 2027, 'acc-school')`).bind(
      recordId,
      state,
      JSON.stringify(data),
      studentId,
      schoolId,
      collegeId,
    ),
    env.DB.prepare(`INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id, identity_confirmed_at)
      VALUES (?, ?, ?, 'student', '测试学生', ?, ?, ?, '2026-09-01T00:00:00Z')`).bind(
      'acc-' + studentId,
      idNumber,
      hash,
      schoolId,
      collegeId,
      studentId,
    ),
  ]);
  return { studentId, recordId, username: idNumber, idNumber, mobile };
}

export async function count(table: string, where = '1=1', ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`)
    .bind(...params)
    .first<{ n: number }>();
  return row!.n;
}

export interface FixtureEmployer {
  employerId: string;
  accountId: string;
  username: string;
  name: string;
}

/** A verified employer of its own with one account (demo password): its lookups count for it alone. */
export async function verifiedEmployer(name = '南京测试查询科技有限公司'): Promise<FixtureEmployer> {
  const employerId = 'emp-' + newId();
  const accountId = 'acc-' + employerId;
  const username = 'e' + employerId.slice(-12);
  const creditCode = '9132' + newId().slice(-14).toUpperCase();
  const hash = (await env.DB.prepare("SELECT password_hash FROM accounts WHERE username = 'employer'").first<{ password_hash: string }>())!
    .password_hash;
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO employers (id, name, credit_code, unit_nature, industry, region, verified) VALUES (?, ?, ?, '39', 'I', '320106', 1)`,
    ).bind(employerId, name, creditCode),
    env.DB.prepare(
      `INSERT INTO accounts (id, username, password_hash, role, display_name, employer_id) VALUES (?, ?, ?, 'employer', ?, ?)`,
    ).bind(accountId, username, hash, name, employerId),
  ]);
  return { employerId, accountId, username, name };
}

/** A 营业执照 scan uploaded as a registering employer does it, before there is an account: its file id. */
export async function uploadLicence(): Promise<string> {
  const { TestClient } = await import('./client');
  const { tinyPng } = await import('../domain/files/sample-files.fixture');
  const res = await new TestClient().upload('/api/files', tinyPng(), '营业执照.png', 'image/png');
  if (res.status !== 201) throw new Error(`licence upload answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

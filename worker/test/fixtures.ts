/**
 * Fresh, independent test data written straight to D1 (the import flow is not what these tests
 * are about): a student of a demo college with a source record in the given state, and an
 * account with the demo password.
 */
import { env } from 'cloudflare:workers';
import { newId } from '../lib/encoding';

const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** The n-th valid 18-digit ID number (GB 11643) of a space of 2,016,000: n → birth day and sequence. */
export function idNumberAt(n: number, region = '320106'): string {
  const dayIndex = Math.floor(n / 1000) % 2016; // 6 years × 12 months × 28 days
  const year = 2000 + Math.floor(dayIndex / 336);
  const month = String(1 + Math.floor((dayIndex % 336) / 28)).padStart(2, '0');
  const day = String(1 + (dayIndex % 28)).padStart(2, '0');
  const body = `${region}${year}${month}${day}${String(n % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((acc, ch, i) => acc + Number(ch) * W[i], 0);
  return body + CHECK[sum % 11];
}

let cursor = Math.floor(Math.random() * 1_500_000);

/** Valid ID numbers that no other fixture of this run uses (a random start, then consecutive). */
export function uniqueIdNumbers(n: number): string[] {
  const start = cursor;
  cursor += n;
  return Array.from({ length: n }, (_, i) => idNumberAt(start + i));
}

export function uniqueIdNumber(): string {
  return uniqueIdNumbers(1)[0];
}

export function uniqueMobile(): string {
  return '139' + String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
}

export interface FixtureStudent {
  studentId: string;
  recordId: string;
  username: string;
  idNumber: string;
}

export async function studentWithSourceRecord(state: string, opts: { collegeId?: string; schoolId?: string } = {}): Promise<FixtureStudent> {
  const collegeId = opts.collegeId ?? 'col-1';
  const schoolId = opts.schoolId ?? 'sch-1';
  const studentId = 'stu-' + newId();
  const recordId = newId();
  const idNumber = uniqueIdNumber();
  const mobile = uniqueMobile();
  const data = {
    name: '测试学生', idNumber, gender: '1', mobile, cohort: 2027, college: '计算机科学与技术学院', major: '软件工程',
    education: '31', studentNo: '2023' + idNumber.slice(-6), examNo: '23320106' + idNumber.slice(-6), originRegion: '320106',
  };
  const hash = (await env.DB.prepare("SELECT password_hash FROM accounts WHERE username = 'student'").first<{ password_hash: string }>())!.password_hash;
  await env.DB.batch([
    env.DB.prepare('INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state) VALUES (?, ?, ?, 2027, ?, ?, ?, ?)')
      .bind(studentId, schoolId, collegeId, idNumber, '测试学生', mobile, state),
    env.DB.prepare(`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by)
      VALUES (?, 'source-records', ?, 1, ?, 'source', 1, ?, ?, ?, 2027, 'acc-school')`).bind(recordId, state, JSON.stringify(data), studentId, schoolId, collegeId),
    env.DB.prepare(`INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id, identity_confirmed_at)
      VALUES (?, ?, ?, 'student', '测试学生', ?, ?, ?, '2026-09-01T00:00:00Z')`).bind('acc-' + studentId, idNumber, hash, schoolId, collegeId, studentId),
  ]);
  return { studentId, recordId, username: idNumber, idNumber };
}

export async function count(table: string, where = '1=1', ...params: unknown[]): Promise<number> {
  const row = await env.DB.prepare(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`).bind(...params).first<{ n: number }>();
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
  const hash = (await env.DB.prepare("SELECT password_hash FROM accounts WHERE username = 'employer'").first<{ password_hash: string }>())!.password_hash;
  await env.DB.batch([
    env.DB.prepare(`INSERT INTO employers (id, name, credit_code, unit_nature, industry, region, verified) VALUES (?, ?, ?, '39', 'I', '320106', 1)`)
      .bind(employerId, name, creditCode),
    env.DB.prepare(`INSERT INTO accounts (id, username, password_hash, role, display_name, employer_id) VALUES (?, ?, ?, 'employer', ?, ?)`)
      .bind(accountId, username, hash, name, employerId),
  ]);
  return { employerId, accountId, username, name };
}

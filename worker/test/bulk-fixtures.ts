/**
 * Many fresh records at once, written straight to D1 in one batch each, for tests that repeat a
 * story a hundred times (races): students of the demo college with accounts, and copies of a record
 * a real flow produced, each given to one of those students.
 */
import { env } from 'cloudflare:workers';
import { hashInitialPassword } from '../auth/password';
import { newId } from '../lib/encoding';
import { TestClient } from './client';
import { uniqueIdNumbers, uniqueMobile } from './fixtures';

export interface BulkStudent {
  studentId: string;
  username: string;
}

/** `n` approved students of 计算机科学与技术学院 (col-1, sch-1), each with an account (password demo1234). */
export async function bulkStudents(n: number): Promise<BulkStudent[]> {
  // The fast salted hash of initial passwords: a race suite signs in hundreds of accounts, and the
  // slow PBKDF2 of real passwords would dominate its runtime without changing what it proves.
  const hash = await hashInitialPassword('demo1234');
  const out: BulkStudent[] = [];
  const statements: D1PreparedStatement[] = [];
  for (const idNumber of uniqueIdNumbers(n)) {
    const studentId = 'stu-' + newId();
    out.push({ studentId, username: idNumber });
    statements.push(
      env.DB.prepare(
        "INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state) VALUES (?, 'sch-1', 'col-1', 2027, ?, '并发学生', ?, 'approved')",
      ).bind(studentId, idNumber, uniqueMobile()),
      env.DB.prepare(`INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id, identity_confirmed_at)
        VALUES (?, ?, ?, 'student', '并发学生', 'sch-1', 'col-1', ?, '2026-09-01T00:00:00Z')`).bind(
        'acc-' + studentId,
        idNumber,
        hash,
        studentId,
      ),
    );
  }
  await env.DB.batch(statements);
  return out;
}

/** Signs many accounts in, a few at a time. */
export async function signInAll(usernames: string[], at = 8): Promise<TestClient[]> {
  const out: TestClient[] = [];
  for (let i = 0; i < usernames.length; i += at) {
    out.push(...(await Promise.all(usernames.slice(i, i + at).map((u) => TestClient.as(u)))));
  }
  return out;
}

/** A second account of an existing role and scope (a second reviewer of the same college, say). */
export async function extraAccount(username: string, role: string, scope: { schoolId?: string; collegeId?: string }): Promise<void> {
  const hash = (await env.DB.prepare("SELECT password_hash FROM accounts WHERE username = 'student'").first<{ password_hash: string }>())!
    .password_hash;
  await env.DB.prepare(`INSERT OR IGNORE INTO accounts (id, username, password_hash, role, display_name, school_id, college_id)
    VALUES (?, ?, ?, ?, ?, ?, ?)`)
    .bind('acc-' + username, username, hash, role, username, scope.schoolId ?? null, scope.collegeId ?? null)
    .run();
}

export interface RecordCopy {
  kind: string;
  state: string;
  data: Record<string, unknown>;
  formKey: string;
  formVersion?: number;
  studentId: string;
  employerId?: string | null;
  parentId?: string | null;
  mode?: string | null;
  deadline?: string | null;
}

/** Inserts the records (version 1, scope of col-1/sch-1) and returns their ids, in order. */
export async function insertRecords(copies: RecordCopy[]): Promise<string[]> {
  const ids = copies.map(() => newId());
  await env.DB.batch(
    copies.map((r, i) =>
      env.DB.prepare(
        `INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, employer_id, cohort, parent_id, mode, deadline, created_by)
     VALUES (?, ?, ?, 1, ?, ?, ?, ?, 'sch-1', 'col-1', ?, 2027, ?, ?, ?, 'acc-school')`,
      ).bind(
        ids[i],
        r.kind,
        r.state,
        JSON.stringify(r.data),
        r.formKey,
        r.formVersion ?? 1,
        r.studentId,
        r.employerId ?? null,
        r.parentId ?? null,
        r.mode ?? null,
        r.deadline ?? null,
      ),
    ),
  );
  return ids;
}

export interface AuditRow {
  record_id: string;
  action: string;
  actor_id: string;
}

/** The audit events of these records (what a transition leaves behind). */
export async function auditOf(recordIds: string[]): Promise<AuditRow[]> {
  const marks = recordIds.map(() => '?').join(',');
  const { results } = await env.DB.prepare(`SELECT record_id, action, actor_id FROM audit_events WHERE record_id IN (${marks}) ORDER BY id`)
    .bind(...recordIds)
    .all<AuditRow>();
  return results;
}

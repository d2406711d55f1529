/**
 * Bulk writes for the roster import. D1 allows 100 bound parameters per statement, so rows travel
 * as one JSON array parameter and `json_each` unpacks them: a chunk of hundreds of rows costs one
 * statement and one parameter.
 */
import type { Write } from './batch';
import { sql } from 'drizzle-orm';
import type { Db } from './client';

export const IMPORT_CHUNK = 500;
const LOOKUP_CHUNK = 500;

export interface ExistingStudent {
  id: string;
  idNumber: string;
  schoolId: string;
  recordId: string | null;
  state: string | null;
  version: number | null;
  data: string | null;
  auditHead: string | null;
}

export async function findStudentsByIdNumbers(db: Db, idNumbers: string[]): Promise<Map<string, ExistingStudent>> {
  const found = new Map<string, ExistingStudent>();
  for (let i = 0; i < idNumbers.length; i += LOOKUP_CHUNK) {
    const chunk = JSON.stringify(idNumbers.slice(i, i + LOOKUP_CHUNK));
    const rows = await db.all<ExistingStudent>(sql`
      SELECT s.id AS id, s.id_number AS idNumber, s.school_id AS schoolId,
             r.id AS recordId, r.state AS state, r.version AS version, r.data AS data, r.audit_head AS auditHead
      FROM students s LEFT JOIN records r ON r.student_id = s.id AND r.kind = 'source-records'
      WHERE s.id_number IN (SELECT value FROM json_each(${chunk}))`);
    for (const row of rows) found.set(row.idNumber, row);
  }
  return found;
}

export interface NewStudentRow {
  studentId: string; recordId: string; accountId: string; eventId: string;
  schoolId: string; collegeId: string; cohort: number; idNumber: string; name: string; phone: string | null;
  data: string; formVersion: number; passwordHash: string; digest: string;
  /** the import event's chain link (see domain/audit/event-hash) */
  prevHash: string; hash: string;
}

export interface UpdatedRecordRow {
  recordId: string; studentId: string; eventId: string; version: number; state: string;
  collegeId: string; cohort: number; name: string; phone: string | null; data: string; digest: string;
  /** the record's audit head as read (the guard), the event's link and its hash */
  head: string | null; prevHash: string; hash: string;
}

export interface ImportActor { id: string; name: string; at: string }

const j = (field: string) => sql.raw(`json_extract(value, '$.${field}')`);

export function insertStudentsStatements(db: Db, rows: NewStudentRow[], actor: ImportActor): Write[] {
  const out: Write[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + IMPORT_CHUNK));
    out.push(
      sql`INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state)
        SELECT ${j('studentId')}, ${j('schoolId')}, ${j('collegeId')}, ${j('cohort')}, ${j('idNumber')}, ${j('name')}, ${j('phone')}, 'imported'
        FROM json_each(${chunk})`,
      sql`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by, created_at, updated_at, audit_head)
        SELECT ${j('recordId')}, 'source-records', 'imported', 1, ${j('data')}, 'source', ${j('formVersion')}, ${j('studentId')}, ${j('schoolId')}, ${j('collegeId')}, ${j('cohort')}, ${actor.id}, ${actor.at}, ${actor.at}, ${j('hash')}
        FROM json_each(${chunk})`,
      sql`INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id, must_change_password)
        SELECT ${j('accountId')}, ${j('idNumber')}, ${j('passwordHash')}, 'student', ${j('name')}, ${j('schoolId')}, ${j('collegeId')}, ${j('studentId')}, 1
        FROM json_each(${chunk})`,
      sql`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
        SELECT ${j('eventId')}, ${j('recordId')}, 'source-records', 'import', NULL, 'imported', ${actor.id}, 'school', ${actor.name}, NULL, ${j('digest')}, ${j('data')}, ${actor.at}, ${j('prevHash')}, ${j('hash')}
        FROM json_each(${chunk})`,
    );
  }
  return out;
}

/**
 * Re-import updates only records still with the school (imported / returned) and only at the
 * version that was read: a record the student submitted meanwhile is left alone.
 */
export function updateRecordsStatements(db: Db, rows: UpdatedRecordRow[], actor: ImportActor): Write[] {
  const out: Write[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const chunk = JSON.stringify(rows.slice(i, i + IMPORT_CHUNK));
    out.push(
      sql`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
        SELECT ${j('eventId')}, ${j('recordId')}, 'source-records', 'import', ${j('state')}, ${j('state')}, ${actor.id}, 'school', ${actor.name}, '重新导入', ${j('digest')}, ${j('data')}, ${actor.at}, ${j('prevHash')}, ${j('hash')}
        FROM json_each(${chunk}) AS u
        WHERE EXISTS (SELECT 1 FROM records r WHERE r.id = json_extract(u.value, '$.recordId') AND r.version = json_extract(u.value, '$.version') AND r.state IN ('imported','returned')
          AND r.audit_head IS json_extract(u.value, '$.head'))`,
      // The same conditions as the event above, so a record gets its event exactly when it changes.
      sql`UPDATE records SET data = u.data, college_id = u.college_id, cohort = u.cohort, version = records.version + 1, updated_at = ${actor.at}, audit_head = u.hash
        FROM (SELECT ${j('recordId')} AS rid, ${j('version')} AS v, ${j('data')} AS data, ${j('collegeId')} AS college_id, ${j('cohort')} AS cohort, ${j('head')} AS head, ${j('hash')} AS hash FROM json_each(${chunk})) AS u
        WHERE records.id = u.rid AND records.version = u.v AND records.state IN ('imported','returned') AND records.audit_head IS u.head`,
      sql`UPDATE students SET name = u.name, phone = u.phone, college_id = u.college_id, cohort = u.cohort
        FROM (SELECT ${j('studentId')} AS sid, ${j('name')} AS name, ${j('phone')} AS phone, ${j('collegeId')} AS college_id, ${j('cohort')} AS cohort FROM json_each(${chunk})) AS u
        WHERE students.id = u.sid AND students.source_state IN ('imported','returned')`,
    );
  }
  return out;
}

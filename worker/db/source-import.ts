/**
 * Bulk writes for the roster import. D1 allows 100 bound parameters per statement, so rows travel
 * as one JSON array parameter and `json_each` unpacks them: a chunk of hundreds of rows costs one
 * statement and one parameter.
 *
 * Each statement gets its own array of only the columns it writes, each row a JSON array rather
 * than an object: every byte is encoded by the worker, sent to D1, validated and parsed there, so
 * one shared chunk of whole rows (the record data twice, the password hash in every statement)
 * made an import several times slower than the inserts themselves. Columns that are the same for
 * every row are bound once; the audit snapshot is read back from the record just written rather
 * than sent a second time.
 */
import { asciiJson } from './ascii-json';
import type { Write } from './batch';
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client';

export const IMPORT_CHUNK = 1000;
const LOOKUP_CHUNK = 2000;

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
  const chunks: string[] = [];
  for (let i = 0; i < idNumbers.length; i += LOOKUP_CHUNK) chunks.push(JSON.stringify(idNumbers.slice(i, i + LOOKUP_CHUNK)));
  // independent reads: D1 answers them one after another anyway, but without a round trip between
  const results = await Promise.all(
    chunks.map((chunk) =>
      db.all<ExistingStudent>(sql`
      SELECT s.id AS id, s.id_number AS idNumber, s.school_id AS schoolId,
             r.id AS recordId, r.state AS state, r.version AS version, r.data AS data, r.audit_head AS auditHead
      FROM students s LEFT JOIN records r ON r.student_id = s.id AND r.kind = 'source-records'
      WHERE s.id_number IN (SELECT value FROM json_each(${chunk}))`),
    ),
  );
  for (const rows of results) for (const row of rows) found.set(row.idNumber, row);
  return found;
}

export interface NewStudentRow {
  studentId: string;
  recordId: string;
  accountId: string;
  eventId: string;
  collegeId: string;
  cohort: number;
  idNumber: string;
  name: string;
  phone: string | null;
  data: string;
  passwordHash: string;
  digest: string;
  /** the import event's chain link (see domain/audit/event-hash) */
  prevHash: string;
  hash: string;
}

export interface UpdatedRecordRow {
  recordId: string;
  studentId: string;
  eventId: string;
  version: number;
  state: string;
  collegeId: string;
  cohort: number;
  name: string;
  phone: string | null;
  data: string;
  digest: string;
  /** the record's audit head as read (the guard), the event's link and its hash */
  head: string | null;
  prevHash: string;
  hash: string;
}

export interface ImportActor {
  id: string;
  name: string;
  at: string;
}

/** What every row of one import shares: the importing school and the source form's version. */
export interface ImportScope {
  schoolId: string;
  formVersion: number;
}

/** Column `i` of a `json_each` row that is a JSON array. */
const col = (i: number, alias = 'j') => sql.raw(`${alias}.value ->> ${i}`);

/** One JSON array of arrays per chunk of rows: the parameter a statement unpacks. */
function chunksOf<T>(rows: T[], pick: (row: T) => unknown[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) out.push(asciiJson(rows.slice(i, i + IMPORT_CHUNK).map(pick)));
  return out;
}

export function insertStudentsStatements(
  db: Db,
  rows: NewStudentRow[],
  { schoolId, formVersion }: ImportScope,
  actor: ImportActor,
): Write[] {
  const statements: SQL[][] = [
    chunksOf(rows, (r) => [r.studentId, r.collegeId, r.cohort, r.idNumber, r.name, r.phone]).map(
      (chunk) =>
        sql`INSERT INTO students (id, school_id, college_id, cohort, id_number, name, phone, source_state)
        SELECT ${col(0)}, ${schoolId}, ${col(1)}, ${col(2)}, ${col(3)}, ${col(4)}, ${col(5)}, 'imported'
        FROM json_each(${chunk}) AS j`,
    ),
    chunksOf(rows, (r) => [r.recordId, r.studentId, r.collegeId, r.cohort, r.data, r.hash]).map(
      (chunk) =>
        sql`INSERT INTO records (id, kind, state, version, data, form_key, form_version, student_id, school_id, college_id, cohort, created_by, created_at, updated_at, audit_head)
        SELECT ${col(0)}, 'source-records', 'imported', 1, ${col(4)}, 'source', ${formVersion}, ${col(1)}, ${schoolId}, ${col(2)}, ${col(3)}, ${actor.id}, ${actor.at}, ${actor.at}, ${col(5)}
        FROM json_each(${chunk}) AS j`,
    ),
    // username, name and college are the student's, just written above
    chunksOf(rows, (r) => [r.accountId, r.studentId, r.passwordHash]).map(
      (chunk) =>
        sql`INSERT INTO accounts (id, username, password_hash, role, display_name, school_id, college_id, student_id, must_change_password)
        SELECT ${col(0)}, s.id_number, ${col(2)}, 'student', s.name, s.school_id, s.college_id, s.id, 1
        FROM json_each(${chunk}) AS j JOIN students s ON s.id = ${col(1)}`,
    ),
    // the snapshot is the record data just written above, the hash the head it was written with
    chunksOf(rows, (r) => [r.eventId, r.recordId, r.digest, r.prevHash]).map(
      (chunk) =>
        sql`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
        SELECT ${col(0)}, r.id, 'source-records', 'import', NULL, 'imported', ${actor.id}, 'school', ${actor.name}, NULL, ${col(2)}, r.data, ${actor.at}, ${col(3)}, r.audit_head
        FROM json_each(${chunk}) AS j JOIN records r ON r.id = ${col(1)}`,
    ),
  ];
  return statements.flat();
}

/**
 * Re-import updates only records still with the school (imported / returned) and only at the
 * version that was read: a record the student submitted meanwhile is left alone.
 */
export function updateRecordsStatements(db: Db, rows: UpdatedRecordRow[], actor: ImportActor): Write[] {
  const out: Write[] = [];
  for (let i = 0; i < rows.length; i += IMPORT_CHUNK) {
    const slice = rows.slice(i, i + IMPORT_CHUNK);
    // [recordId, version, head, data, collegeId, cohort, hash]
    const records = asciiJson(slice.map((r) => [r.recordId, r.version, r.head, r.data, r.collegeId, r.cohort, r.hash]));
    // [eventId, recordId, state, digest, prevHash, hash]
    const events = asciiJson(slice.map((r) => [r.eventId, r.recordId, r.state, r.digest, r.prevHash, r.hash]));
    const students = asciiJson(slice.map((r) => [r.studentId, r.name, r.phone, r.collegeId, r.cohort]));
    out.push(
      sql`UPDATE records SET data = u.data, college_id = u.college_id, cohort = u.cohort, version = records.version + 1, updated_at = ${actor.at}, audit_head = u.hash
        FROM (SELECT ${col(0)} AS rid, ${col(1)} AS v, ${col(2)} AS head, ${col(3)} AS data, ${col(4)} AS college_id, ${col(5)} AS cohort, ${col(6)} AS hash FROM json_each(${records}) AS j) AS u
        WHERE records.id = u.rid AND records.version = u.v AND records.state IN ('imported','returned') AND records.audit_head IS u.head`,
      // A record gets its event exactly when the update above changed it: its head is now this
      // event's hash (hashes are unique), and the snapshot is the data it now holds.
      sql`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
        SELECT ${col(0)}, r.id, 'source-records', 'import', ${col(2)}, ${col(2)}, ${actor.id}, 'school', ${actor.name}, '重新导入', ${col(3)}, r.data, ${actor.at}, ${col(4)}, ${col(5)}
        FROM json_each(${events}) AS j JOIN records r ON r.id = ${col(1)} AND r.audit_head = ${col(5)}`,
      // a phone the student confirmed or changed (基本信息) is theirs: a re-import keeps it
      sql`UPDATE students SET name = u.name, phone = CASE WHEN students.contact_updated_at IS NULL THEN u.phone ELSE students.phone END, college_id = u.college_id, cohort = u.cohort
        FROM (SELECT ${col(0)} AS sid, ${col(1)} AS name, ${col(2)} AS phone, ${col(3)} AS college_id, ${col(4)} AS cohort FROM json_each(${students}) AS j) AS u
        WHERE students.id = u.sid AND students.source_state IN ('imported','returned')`,
    );
  }
  return out;
}

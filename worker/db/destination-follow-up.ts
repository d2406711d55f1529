/**
 * A college's (or school's) graduates by 毕业去向登记 state, for counsellors to follow up: every
 * 省级通过 student of the scope with their destination record, if any, and the latest follow-up
 * note; 未登记 first, then 待就业 (70), then the rest.
 */
import { sql } from 'drizzle-orm';
import type { Db } from './client';
import { destinationNotes } from './schema';

export interface FollowUpScope {
  schoolId: string;
  collegeId: string | null;
}

export interface FollowUpRow {
  studentId: string;
  name: string;
  cohort: number;
  studentNo: string | null;
  major: string | null;
  recordId: string | null;
  state: string | null;
  destination: string | null;
  noteText: string | null;
  noteAuthor: string | null;
  noteAt: string | null;
}

export const FOLLOW_UP_PAGE = 100;

const inScope = (scope: FollowUpScope) => (scope.collegeId ? sql`s.college_id = ${scope.collegeId}` : sql`s.school_id = ${scope.schoolId}`);
const major = sql`json_extract(src.data, '$.major')`;

export async function followUpRows(db: Db, scope: FollowUpScope, filter: { major?: string; offset: number }): Promise<FollowUpRow[]> {
  const byMajor = filter.major ? sql`AND ${major} = ${filter.major}` : sql``;
  return db.all<FollowUpRow>(sql`
    SELECT s.id AS studentId, s.name AS name, s.cohort AS cohort,
      json_extract(src.data, '$.studentNo') AS studentNo, ${major} AS major,
      d.id AS recordId, d.state AS state, json_extract(d.data, '$.destination') AS destination,
      n.text AS noteText, n.author_name AS noteAuthor, n.at AS noteAt
    FROM students s
    JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id
    LEFT JOIN records d ON d.kind = 'destinations' AND d.student_id = s.id AND d.cohort = s.cohort
    LEFT JOIN destination_notes n ON n.id = (SELECT id FROM destination_notes WHERE student_id = s.id ORDER BY at DESC, id DESC LIMIT 1)
    WHERE ${inScope(scope)} AND s.source_state = 'approved' ${byMajor}
    ORDER BY CASE WHEN d.id IS NULL THEN 0 WHEN json_extract(d.data, '$.destination') = '70' THEN 1 ELSE 2 END, s.name, s.id
    LIMIT ${FOLLOW_UP_PAGE + 1} OFFSET ${filter.offset}`);
}

export interface FollowUpCounts {
  total: number;
  unregistered: number;
  waiting: number;
}

/**
 * How many graduates of the whole scope (and major, when filtered) the list holds, 未登记 and 待就业
 * among them: the counts above the list, over every page, not the page shown.
 */
export async function followUpCounts(db: Db, scope: FollowUpScope, filter: { major?: string }): Promise<FollowUpCounts> {
  const byMajor = filter.major ? sql`AND ${major} = ${filter.major}` : sql``;
  const row = await db.get<{ total: number; unregistered: number | null; waiting: number | null }>(sql`
    SELECT COUNT(*) AS total,
      SUM(CASE WHEN d.id IS NULL THEN 1 ELSE 0 END) AS unregistered,
      SUM(CASE WHEN d.state = 'registered' AND json_extract(d.data, '$.destination') = '70' THEN 1 ELSE 0 END) AS waiting
    FROM students s
    JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id
    LEFT JOIN records d ON d.kind = 'destinations' AND d.student_id = s.id AND d.cohort = s.cohort
    WHERE ${inScope(scope)} AND s.source_state = 'approved' ${byMajor}`);
  return { total: row.total, unregistered: row.unregistered ?? 0, waiting: row.waiting ?? 0 };
}

/** The majors of the scope's graduates, for the filter. */
export async function followUpMajors(db: Db, scope: FollowUpScope): Promise<string[]> {
  const rows = await db.all<{ major: string }>(sql`
    SELECT DISTINCT ${major} AS major FROM students s
    JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id
    WHERE ${inScope(scope)} AND s.source_state = 'approved' AND ${major} IS NOT NULL ORDER BY major`);
  return rows.map((r) => r.major);
}

/** The student, if in the scope (a note is only ever about one of the counsellor's own graduates). */
export async function studentInScope(db: Db, scope: FollowUpScope, studentId: string): Promise<boolean> {
  const row = await db.get<{ id: string }>(sql`SELECT s.id AS id FROM students s WHERE s.id = ${studentId} AND ${inScope(scope)}`);
  return Boolean(row);
}

export function insertNote(db: Db, note: typeof destinationNotes.$inferInsert) {
  return db.insert(destinationNotes).values(note);
}

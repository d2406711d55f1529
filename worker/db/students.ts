import { and, eq, gt, isNull, sql, type SQL } from 'drizzle-orm';
import type { BatchedRead, Write } from './batch';
import type { Db } from './client';
import { rowsOf } from './driver-rows';
import { colleges, employers, records, schools, signingCodes, students } from './schema';

export type LookupBy = { idNumber: string } | { phone: string } | { name: string; phone: string };
/** By 签约码: the code's keyed hash, live at `now` (not revoked, not expired). */
export type LookupByCode = { codeHash: string; now: string };

export interface LookedUpStudent {
  id: string;
  name: string;
  idNumber: string;
  phone: string | null;
  cohort: number;
  schoolName: string;
  collegeName: string;
}

/**
 * The employer lookup: one indexed read, approved (省级通过) students only — as a read that can
 * share the session's round trip. Every column is aliased: the batch hands back rows keyed by
 * column name, and three tables have a `name`. By 签约码 the cohort is not asked: the code names
 * one student (found by the unique index on its hash), the school must still match.
 */
export function lookupApprovedStudentsRead(
  db: Db,
  schoolId: string,
  cohort: number | null,
  by: LookupBy | LookupByCode,
): BatchedRead<LookedUpStudent[]> {
  const match: SQL[] =
    'codeHash' in by
      ? [eq(signingCodes.codeHash, by.codeHash), isNull(signingCodes.revokedAt), gt(signingCodes.expiresAt, by.now)]
      : 'idNumber' in by
        ? [eq(students.idNumber, by.idNumber)]
        : 'name' in by
          ? [eq(students.phone, by.phone), eq(students.name, by.name)]
          : [eq(students.phone, by.phone)];
  const query = db
    .select({
      id: sql<string>`${students.id}`.as('student_id'),
      name: sql<string>`${students.name}`.as('student_name'),
      idNumber: sql<string>`${students.idNumber}`.as('id_number'),
      phone: sql<string | null>`${students.phone}`.as('phone'),
      cohort: sql<number>`${students.cohort}`.as('cohort'),
      schoolName: sql<string>`${schools.name}`.as('school_name'),
      collegeName: sql<string>`${colleges.name}`.as('college_name'),
    })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(colleges, eq(colleges.id, students.collegeId));
  const statement = ('codeHash' in by ? query.innerJoin(signingCodes, eq(signingCodes.studentId, students.id)) : query)
    .where(
      and(
        eq(students.schoolId, schoolId),
        ...(cohort === null ? [] : [eq(students.cohort, cohort)]),
        eq(students.sourceState, 'approved'),
        ...match,
      ),
    )
    .limit(5);
  return {
    statements: [statement],
    read: ([result]) =>
      rowsOf(result).map((r) => ({
        id: r.student_id as string,
        name: r.student_name as string,
        idNumber: r.id_number as string,
        phone: r.phone as string | null,
        cohort: r.cohort as number,
        schoolName: r.school_name as string,
        collegeName: r.college_name as string,
      })),
  };
}

export async function findStudent(db: Db, id: string) {
  return db.query.students.findFirst({ where: eq(students.id, id) });
}

export async function findEmployer(db: Db, id: string) {
  return db.query.employers.findFirst({ where: eq(employers.id, id) });
}

export async function findSchool(db: Db, id: string) {
  return db.query.schools.findFirst({ where: eq(schools.id, id) });
}

export async function listSchools(db: Db) {
  return db.select({ id: schools.id, code: schools.code, name: schools.name }).from(schools).orderBy(schools.code);
}

export async function listColleges(db: Db, schoolId?: string) {
  const q = db.select({ id: colleges.id, schoolId: colleges.schoolId, name: colleges.name }).from(colleges);
  return (schoolId ? q.where(eq(colleges.schoolId, schoolId)) : q).orderBy(colleges.name);
}

export async function sourceRecordOf(db: Db, studentId: string) {
  return db.query.records.findFirst({ where: and(eq(records.studentId, studentId), eq(records.kind, 'source-records')) });
}

/**
 * The students row mirrors its source record's state, for the employer lookup, and takes the
 * record's phone until the student has confirmed or changed their contact details (基本信息): from
 * then on those are theirs.
 */
export function mirrorSourceRecord(db: Db, studentId: string, sourceState: string, phone: string | null): Write {
  const kept = sql`CASE WHEN ${students.contactUpdatedAt} IS NULL THEN ${phone} ELSE ${students.phone} END`;
  return db.update(students).set({ sourceState, phone: kept }).where(eq(students.id, studentId));
}

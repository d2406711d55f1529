/** A student's records of one kind (the agreement in force, open invitations, the 毕业去向登记 of a cohort). */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import { records, type RecordRow } from './schema';

export interface StudentRecordsQuery {
  studentId: string;
  kind: string;
  /** only records in one of these states */
  states?: readonly string[];
  /** only the records of this employer */
  employerId?: string;
  /** only the records of this cohort */
  cohort?: number;
}

const where = (q: StudentRecordsQuery) =>
  and(
    eq(records.studentId, q.studentId),
    eq(records.kind, q.kind),
    q.states ? inArray(records.state, [...q.states]) : undefined,
    q.employerId === undefined ? undefined : eq(records.employerId, q.employerId),
    q.cohort === undefined ? undefined : eq(records.cohort, q.cohort),
  );

/** One of the student's records the query finds, if any. */
export async function findStudentRecord(db: Db, q: StudentRecordsQuery): Promise<RecordRow | undefined> {
  return db.query.records.findFirst({ where: where(q) });
}

/** Every record of the student's the query finds. */
export async function studentRecords(db: Db, q: StudentRecordsQuery): Promise<RecordRow[]> {
  return db.select().from(records).where(where(q));
}

/** The graduate's 毕业去向登记 of the cohort, if there is one. */
export async function destinationOf(db: Db, studentId: string, cohort: number): Promise<RecordRow | undefined> {
  return findStudentRecord(db, { studentId, kind: 'destinations', cohort });
}

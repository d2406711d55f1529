import { and, eq, type SQL } from 'drizzle-orm';
import type { Db } from './client';
import { colleges, employers, records, schools, students } from './schema';

export type LookupBy = { idNumber: string } | { phone: string } | { name: string; phone: string };

/** The employer lookup: one indexed read, approved (省级通过) students only. */
export async function lookupApprovedStudents(db: Db, schoolId: string, cohort: number, by: LookupBy) {
  const match: SQL[] = 'idNumber' in by
    ? [eq(students.idNumber, by.idNumber)]
    : 'name' in by ? [eq(students.phone, by.phone), eq(students.name, by.name)] : [eq(students.phone, by.phone)];
  return db
    .select({ id: students.id, name: students.name, idNumber: students.idNumber, phone: students.phone, cohort: students.cohort, schoolName: schools.name, collegeName: colleges.name })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .where(and(eq(students.schoolId, schoolId), eq(students.cohort, cohort), eq(students.sourceState, 'approved'), ...match))
    .limit(5);
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

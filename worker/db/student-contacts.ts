/** 基本信息管理: a student's contact details, kept on the students row (the one place they are read from). */
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { accounts, colleges, schools, students } from './schema';

export interface StudentContact {
  mobile: string | null;
  email: string | null;
  qq: string | null;
  wechat: string | null;
}

/** The student's reviewed identity (read-only here) and their contact details. */
export async function findStudentProfile(db: Db, studentId: string) {
  const rows = await db
    .select({
      name: students.name,
      idNumber: students.idNumber,
      cohort: students.cohort,
      sourceState: students.sourceState,
      schoolName: schools.name,
      collegeName: colleges.name,
      mobile: students.phone,
      email: students.email,
      qq: students.qq,
      wechat: students.wechat,
      contactUpdatedAt: students.contactUpdatedAt,
    })
    .from(students)
    .innerJoin(schools, eq(schools.id, students.schoolId))
    .innerJoin(colleges, eq(colleges.id, students.collegeId))
    .where(eq(students.id, studentId))
    .limit(1);
  return rows[0];
}

/** The student's contact details as they stand (null: no such student). */
export async function findStudentContact(db: Db, studentId: string): Promise<(StudentContact & { updatedAt: string | null }) | null> {
  const row = await db.query.students.findFirst({
    where: eq(students.id, studentId),
    columns: { phone: true, email: true, qq: true, wechat: true, contactUpdatedAt: true },
  });
  return row ? { mobile: row.phone, email: row.email, qq: row.qq, wechat: row.wechat, updatedAt: row.contactUpdatedAt } : null;
}

/** The write of new contact details; from then on imports and reviews leave them alone. */
export function contactWrite(db: Db, studentId: string, contact: StudentContact, at: string) {
  return db
    .update(students)
    .set({ phone: contact.mobile, email: contact.email, qq: contact.qq, wechat: contact.wechat, contactUpdatedAt: at })
    .where(eq(students.id, studentId));
}

/** 初次进入 done: the account no longer asks for identity confirmation. */
export function identityConfirmedWrite(db: Db, accountId: string, at: string) {
  return db.update(accounts).set({ identityConfirmedAt: at }).where(eq(accounts.id, accountId));
}

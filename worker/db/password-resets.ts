/** Reads and writes behind a password reset: whose account it is, and the reset itself. */
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { accounts, sessions, students } from './schema';

export type AccountRow = typeof accounts.$inferSelect;

/** A student's account with where the student belongs, for the reviewer's scope check. */
export async function studentAccount(db: Db, studentId: string) {
  const rows = await db
    .select({ account: accounts, schoolId: students.schoolId, collegeId: students.collegeId, name: students.name })
    .from(students)
    .innerJoin(accounts, eq(accounts.studentId, students.id))
    .where(eq(students.id, studentId))
    .limit(1);
  return rows[0];
}

/**
 * The accounts of many students, found by student id or by ID number, within one school. The keys
 * go in as one JSON parameter each way (`json_each`): D1 allows 100 parameters a statement.
 */
export async function studentAccountsOfSchool(db: Db, schoolId: string, keys: string[]) {
  if (keys.length === 0) return [];
  const ids = JSON.stringify(keys);
  const upper = JSON.stringify(keys.map((k) => k.toUpperCase()));
  return db
    .select({ account: accounts, studentId: students.id, idNumber: students.idNumber, name: students.name })
    .from(students)
    .innerJoin(accounts, eq(accounts.studentId, students.id))
    .where(
      and(
        eq(students.schoolId, schoolId),
        sql`(${students.id} IN (SELECT value FROM json_each(${ids})) OR ${students.idNumber} IN (SELECT value FROM json_each(${upper})))`,
      ),
    );
}

export async function employerAccount(db: Db, employerId: string) {
  return db.query.accounts.findFirst({ where: and(eq(accounts.employerId, employerId), eq(accounts.role, 'employer')) });
}

export async function accountByUsername(db: Db, username: string) {
  return db.query.accounts.findFirst({ where: sql`lower(${accounts.username}) = lower(${username})` });
}

/** A new one-time password that must be changed at next sign-in; every session of the account ends. */
export function resetPasswordWrites(db: Db, accountId: string, passwordHash: string) {
  return [
    db.update(accounts).set({ passwordHash, mustChangePassword: true }).where(eq(accounts.id, accountId)),
    db.delete(sessions).where(eq(sessions.accountId, accountId)),
  ];
}

import { and, eq, getTableColumns, gt, ne, sql } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { BatchedRead } from './batch';
import type { Db } from './client';
import { fromDriverRow, rowsOf } from './driver-rows';
import { prepared } from './prepared';
import { accounts, colleges, employers, schools, sessions, students } from './schema';

/** `lower(username) = lower(?)`: usernames are unique ignoring case, and this reads their index. */
export const sameUsername = (username: string) => sql`lower(${accounts.username}) = lower(${username})`;

/** The account by username, ignoring letter case (an ID number's check character may be typed `x`). */
export async function findAccountByUsername(db: Db, username: string) {
  return db.query.accounts.findFirst({ where: sameUsername(username) });
}

export async function findAccountById(db: Db, id: string) {
  return db.query.accounts.findFirst({ where: eq(accounts.id, id) });
}

export function toActor(row: typeof accounts.$inferSelect, employerVerified = false): Actor {
  return {
    accountId: row.id,
    username: row.username,
    role: row.role,
    displayName: row.displayName,
    schoolId: row.schoolId,
    collegeId: row.collegeId,
    employerId: row.employerId,
    studentId: row.studentId,
    mustChangePassword: row.mustChangePassword,
    identityConfirmed: row.identityConfirmedAt !== null,
    employerVerified: row.role === 'employer' && employerVerified,
  };
}

/** The live session's account, with its employer's flag under its own name (the driver row is keyed by column name). */
const sessionActorQuery = prepared<{ sessionId: string; now: string }>((db, p) =>
  db
    .select({ ...getTableColumns(accounts), employerVerified: sql<number | null>`${employers.verified}`.as('employer_verified') })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .leftJoin(employers, eq(employers.id, accounts.employerId))
    .where(and(eq(sessions.id, p.sessionId), gt(sessions.expiresAt, p.now)))
    .limit(1),
);

/**
 * One indexed read per request: the session, its account and (for an employer) whether it is
 * verified, batched with the request's first reads.
 */
export function sessionActorRead(db: Db, sessionId: string, nowIso: string): BatchedRead<Actor | null> {
  return {
    statements: [sessionActorQuery(db, { sessionId, now: nowIso })],
    read([result]) {
      const raw = rowsOf(result)[0];
      return raw ? toActor(fromDriverRow(accounts, raw), raw.employer_verified === 1) : null;
    },
  };
}

export async function insertSession(db: Db, sessionId: string, accountId: string, expiresAt: string) {
  await db.insert(sessions).values({ id: sessionId, accountId, expiresAt });
}

export async function deleteSession(db: Db, sessionId: string) {
  await db.delete(sessions).where(eq(sessions.id, sessionId));
}

/** A password change ends every other session of the account, keeping the current one. */
export async function changePassword(db: Db, accountId: string, passwordHash: string, keepSessionId: string) {
  await db.batch([
    db.update(accounts).set({ passwordHash, mustChangePassword: false }).where(eq(accounts.id, accountId)),
    db.delete(sessions).where(and(eq(sessions.accountId, accountId), ne(sessions.id, keepSessionId))),
  ]);
}

export async function scopeNames(db: Db, actor: Actor) {
  const [school, college, employer] = await Promise.all([
    actor.schoolId ? db.query.schools.findFirst({ where: eq(schools.id, actor.schoolId) }) : undefined,
    actor.collegeId ? db.query.colleges.findFirst({ where: eq(colleges.id, actor.collegeId) }) : undefined,
    actor.employerId ? db.query.employers.findFirst({ where: eq(employers.id, actor.employerId) }) : undefined,
  ]);
  return { schoolName: school?.name, collegeName: college?.name, employerName: employer?.name };
}

export async function studentIdNumber(db: Db, studentId: string): Promise<string | null> {
  const row = await db.query.students.findFirst({ where: eq(students.id, studentId), columns: { idNumber: true } });
  return row?.idNumber ?? null;
}

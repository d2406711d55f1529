/** The employer lookup audit (see `studentLookups` in the schema), which also counts the daily quota. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import { employers, studentLookups } from './schema';

export type LookupRow = typeof studentLookups.$inferInsert & { at: string; hit: boolean };

export interface DailyQuota {
  employerId: string;
  /** start of the counted day (UTC ISO) */
  since: string;
  limit: number;
  hitCost: number;
  missCost: number;
}

/**
 * Writes the lookup's rows only if the employer's units today plus theirs stay within the quota,
 * in one statement, so two lookups at once cannot both slip past the last unit. False when the
 * quota refused them (nothing written).
 */
export async function recordLookupsWithinQuota(db: Db, rows: LookupRow[], quota: DailyQuota): Promise<boolean> {
  const cost = rows.reduce((n, r) => n + (r.hit ? quota.hitCost : quota.missCost), 0);
  const values = sql.join(rows.map((r) => sql`(${r.id}, ${r.at}, ${r.employerId}, ${r.accountId}, ${r.by}, ${r.hit ? 1 : 0},
    ${r.studentId ?? null}, ${r.schoolId ?? null}, ${r.cohort ?? null}, ${r.identifierHash}, ${r.ipHash ?? null})`), sql`, `);
  const result = await db.run(sql`INSERT INTO student_lookups
      (id, at, employer_id, account_id, by, hit, student_id, school_id, cohort, identifier_hash, ip_hash)
    SELECT * FROM (VALUES ${values})
    WHERE (SELECT COALESCE(SUM(CASE WHEN hit = 1 THEN ${quota.hitCost} ELSE ${quota.missCost} END), 0)
           FROM student_lookups WHERE employer_id = ${quota.employerId} AND at >= ${quota.since}) + ${cost} <= ${quota.limit}`);
  return result.meta.changes > 0;
}

/** The employers that found this student, newest first (hits only: a miss found nobody). */
export async function lookupsOfStudent(db: Db, studentId: string, limit = 100) {
  return db.select({ employerName: employers.name, at: studentLookups.at, by: studentLookups.by })
    .from(studentLookups)
    .innerJoin(employers, eq(employers.id, studentLookups.employerId))
    .where(and(eq(studentLookups.studentId, studentId), eq(studentLookups.hit, true)))
    .orderBy(desc(studentLookups.at))
    .limit(limit);
}

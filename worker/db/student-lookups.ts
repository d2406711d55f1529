/** The employer lookup audit (see `studentLookups` in the schema), which also counts the daily quota. */
import { and, desc, eq, sql } from 'drizzle-orm';
import { runBatch } from './batch';
import type { Db } from './client';
import { employers, studentLookups } from './schema';

export type LookupRow = typeof studentLookups.$inferInsert & { at: string; hit: boolean };

export interface DailyQuota {
  /** the employer's counter for the day, in `counters` */
  counterKey: string;
  limit: number;
  hitCost: number;
  missCost: number;
}

/**
 * Adds the lookup's units to the employer's counter for the day and writes its audit rows, both
 * only if the counter stays within the quota: one batch (one transaction), so two lookups at once
 * cannot both slip past the last unit, and the check reads one row however busy the day was.
 * False when the quota refused them (nothing written).
 */
export async function recordLookupsWithinQuota(db: Db, rows: LookupRow[], quota: DailyQuota): Promise<boolean> {
  const cost = rows.reduce((n, r) => n + (r.hit ? quota.hitCost : quota.missCost), 0);
  const values = sql.join(
    rows.map(
      (r) => sql`(${r.id}, ${r.at}, ${r.employerId}, ${r.accountId}, ${r.by}, ${r.hit ? 1 : 0},
    ${r.studentId ?? null}, ${r.schoolId ?? null}, ${r.cohort ?? null}, ${r.identifierHash}, ${r.ipHash ?? null})`,
    ),
    sql`, `,
  );
  const [, audit] = await runBatch(db, [
    sql`INSERT INTO counters (key, value) SELECT ${quota.counterKey}, ${cost} WHERE ${cost} <= ${quota.limit}
      ON CONFLICT (key) DO UPDATE SET value = counters.value + excluded.value WHERE counters.value + excluded.value <= ${quota.limit}`,
    // changes(): whether the counter statement just above took the units
    sql`INSERT INTO student_lookups (id, at, employer_id, account_id, by, hit, student_id, school_id, cohort, identifier_hash, ip_hash)
      SELECT * FROM (VALUES ${values}) WHERE changes() = 1`,
  ]);
  if (!audit) throw new Error('the lookup batch answered fewer results than it ran statements');
  return audit.meta.changes > 0;
}

/** The employers that found this student, newest first (hits only: a miss found nobody). */
export async function lookupsOfStudent(db: Db, studentId: string, limit = 100) {
  return db
    .select({ employerName: employers.name, at: studentLookups.at, by: studentLookups.by })
    .from(studentLookups)
    .innerJoin(employers, eq(employers.id, studentLookups.employerId))
    .where(and(eq(studentLookups.studentId, studentId), eq(studentLookups.hit, true)))
    .orderBy(desc(studentLookups.at))
    .limit(limit);
}

/**
 * What each validator catches in the invalid sample: for every planted mistake, which validators
 * flag its field, and anything a validator flags that no mistake explains. Pure, so the test can
 * hold the bench to it (a peer that flags nothing would make every speed ratio meaningless).
 */
import type { Mistake } from './samples';

export interface CatchRow extends Mistake {
  /** validator name → whether it flagged the field */
  flaggedBy: Record<string, boolean>;
}

export interface CatchReport {
  rows: CatchRow[];
  /** validator name → fields it flagged that no planted mistake explains */
  unexplained: Record<string, string[]>;
}

export function compareCatches(mistakes: readonly Mistake[], flagged: Readonly<Record<string, readonly string[]>>): CatchReport {
  const rows = mistakes.map((m) => ({
    ...m,
    flaggedBy: Object.fromEntries(Object.entries(flagged).map(([name, fields]) => [name, fields.includes(m.field)])),
  }));
  const planted = new Set(mistakes.map((m) => m.field));
  const unexplained = Object.fromEntries(Object.entries(flagged).map(([name, fields]) => [name, fields.filter((f) => !planted.has(f))]));
  return { rows, unexplained };
}

/** "6 of 9" per validator, for the printed table. */
export function caughtCounts(report: CatchReport): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of report.rows)
    for (const [name, hit] of Object.entries(row.flaggedBy)) counts[name] = (counts[name] ?? 0) + (hit ? 1 : 0);
  return counts;
}

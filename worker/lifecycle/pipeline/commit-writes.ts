/**
 * The last step of a write (docs/architecture.md, how a transition works): the record, its audit
 * event, its files and the effects go to D1 in one batch that reads the record back at its end, so
 * the answer shows what the batch left. A batch that failed is mapped to the 409 its cause means:
 * a guard that matched nothing (the record, or what an effect relied on, changed meanwhile) or a
 * unique index (a second active agreement, a number already used). Anything else is not ours to name.
 */
import { runBatchThenRead, type BatchedRead, type Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { isAbortedByGuard, isUniqueViolation } from '../../db/records';
import type { AppError } from '../../http/errors';

/** What a failed batch answers, by cause. */
export interface BatchConflicts {
  /** a write guard matched nothing */
  stale: () => AppError;
  /** a unique index refused a row */
  duplicate: () => AppError;
}

export async function commitWrites<T>(db: Db, writes: Write[], readBack: BatchedRead<T>, conflicts: BatchConflicts): Promise<T> {
  try {
    return await runBatchThenRead(db, writes, readBack);
  } catch (err) {
    if (isAbortedByGuard(err)) throw conflicts.stale();
    if (isUniqueViolation(err)) throw conflicts.duplicate();
    throw err;
  }
}

/**
 * Time-based transitions (an invitation past its deadline becomes 已逾期): applied the moment a
 * record is read or acted on, so nobody ever sees or accepts a lapsed invitation as live, and by
 * the scheduled sweep for everything nobody opened.
 */
import { runBatch } from '../db/batch';
import type { Db } from '../db/client';
import { abortUnlessChanged, findRecord, isAbortedByGuard, moveRecordWrite, recordsPastDeadline } from '../db/records';
import type { RecordRow } from '../db/schema';
import { beijingToday } from '../lib/dates';
import { auditWrites, SYSTEM_ACTOR } from './audit';
import type { Lifecycle } from './types';

export async function applyLapse(db: Db, lifecycle: Lifecycle, record: RecordRow): Promise<RecordRow> {
  const lapse = lifecycle.lapse;
  if (!lapse || !lapse.from.includes(record.state) || !lapse.when(record, beijingToday())) return record;
  const now = new Date().toISOString();
  try {
    await runBatch(db, [
      moveRecordWrite(db, record.id, { from: [record.state], version: record.version, to: lapse.to, now }),
      abortUnlessChanged(db),
      ...(await auditWrites(db, {
        recordId: record.id,
        kind: record.kind,
        action: lapse.action,
        fromState: record.state,
        toState: lapse.to,
        actor: SYSTEM_ACTOR,
        reason: null,
        data: record.data,
        at: now,
        head: record.auditHead,
      })),
    ]);
  } catch (err) {
    if (!isAbortedByGuard(err)) throw err;
  }
  return (await findRecord(db, record.id)) ?? record;
}

/** The cron sweep: every record of the lifecycle whose deadline passed, in pages. */
export async function sweepLapsed(db: Db, lifecycle: Lifecycle, limit = 500): Promise<number> {
  const lapse = lifecycle.lapse;
  if (!lapse) return 0;
  const today = beijingToday();
  const due = await recordsPastDeadline(db, lifecycle.kind, lapse.from, today, limit);
  let n = 0;
  for (const record of due) {
    if (!lapse.when(record, today)) continue;
    const after = await applyLapse(db, lifecycle, record);
    if (after.state === lapse.to) n++;
  }
  return n;
}

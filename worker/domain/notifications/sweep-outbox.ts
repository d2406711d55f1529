/**
 * Who enqueues (docs/architecture.md, notifications). As deployed, the scheduled run, every minute,
 * first writes the e-mail and SMS rows of the notifications committed since its last run (the
 * transitions wrote only the notifications), then hands over every due row: new ones, rows past
 * their backoff, rows whose consumer died mid-send.
 * Where the operator has requests queue their own events (`NOTIFY_FROM_REQUEST = "on"`,
 * lifecycle/notifications/enqueue-notified.ts), the sweep is their safety net and takes a new row
 * only after a grace of two minutes, so the two rarely queue the same one.
 */
import type { Db } from '../../db/client';
import { dueOutboxIds, leaseOutbox, NEW_ROW_GRACE_MS, writeNewDeliveries } from '../../db/outbox';
import { sendFromRequest } from '../../lifecycle/notifications/enqueue-notified';
import type { OutboxMessage } from './deliver-outbox';

/** at most this many rows handed to the queue per run (a queue's sendBatch takes 100 messages) */
const PER_RUN = 500;
/** notifications whose rows one step writes (one D1 round trip), and steps per run */
const DELIVERIES_STEP = 1000;
const STEPS_PER_RUN = 20;
/** a row handed to the queue is handed again only if still unsent this much later */
const LEASE_MS = 5 * 60_000;

/** Writes the rows of every notification committed since the last run (up to 20,000 a run): one round trip per 1,000. */
export async function writeDeliveries(db: Db): Promise<number> {
  let written = 0;
  for (let step = 0; step < STEPS_PER_RUN; step++) {
    const passed = await writeNewDeliveries(db, DELIVERIES_STEP);
    written += passed;
    if (passed < DELIVERIES_STEP) break;
  }
  return written;
}

export async function sweepOutbox(
  db: Db,
  queue: Queue<OutboxMessage>,
  env: Pick<Env, 'NOTIFY_FROM_REQUEST'>,
  now = new Date(),
): Promise<number> {
  await writeDeliveries(db);
  const ids = await dueOutboxIds(db, now, PER_RUN, sendFromRequest(env) ? NEW_ROW_GRACE_MS : 0);
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    await queue.sendBatch(chunk.map((outboxId) => ({ body: { outboxId } })));
    await leaseOutbox(db, chunk, new Date(now.getTime() + LEASE_MS));
  }
  return ids.length;
}

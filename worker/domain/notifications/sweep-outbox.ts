/**
 * The safety net of who enqueues (docs/architecture.md, notifications): the request that wrote a
 * row queues it after its answer (lifecycle/notifications/enqueue-notified.ts); the scheduled run,
 * every minute, hands over every due row — a new one the request's send missed (after a grace of
 * two minutes), rows past their backoff, rows whose consumer died mid-send.
 */
import type { Db } from '../../db/client';
import { dueOutboxIds, leaseOutbox } from '../../db/outbox';
import type { OutboxMessage } from './deliver-outbox';

/** at most this many per run (a queue's sendBatch takes 100 messages) */
const PER_RUN = 500;
/** a row handed to the queue is handed again only if still unsent this much later */
const LEASE_MS = 5 * 60_000;

export async function sweepOutbox(db: Db, queue: Queue<OutboxMessage>, now = new Date()): Promise<number> {
  const ids = await dueOutboxIds(db, now, PER_RUN);
  for (let i = 0; i < ids.length; i += 100) {
    const chunk = ids.slice(i, i + 100);
    await queue.sendBatch(chunk.map((outboxId) => ({ body: { outboxId } })));
    await leaseOutbox(db, chunk, new Date(now.getTime() + LEASE_MS));
  }
  return ids.length;
}

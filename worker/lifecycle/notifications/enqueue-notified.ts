/**
 * Sending from the request (docs/architecture.md, notifications): once a write's batch committed,
 * each event it notified goes to NOTIFY_QUEUE as one `{ eventId }` message, after the answer
 * (`waitUntil`), so an e-mail or SMS leaves within seconds instead of at the next sweep. Nothing
 * here can lose a message: a send that fails is logged and the every-minute sweep hands the rows
 * over later; a message that arrives twice (this one and the sweep's) sends nothing twice, because
 * the consumer claims each row before it sends.
 */
import { notifiedEvents } from '../../db/notifications';
import type { Write } from '../../db/batch';
import type { OutboxMessage } from '../../domain/notifications/deliver-outbox';

/** The operator's switch (docs/deploy.md): "off" leaves every row to the sweep. */
export function sendFromRequest(env: Pick<Env, 'NOTIFY_FROM_REQUEST'>): boolean {
  return env.NOTIFY_FROM_REQUEST !== 'off';
}

/** Queues the notified events of committed writes; resolves when the queue took them (or failed, logged). */
export async function enqueueNotified(queue: Queue<OutboxMessage>, writes: readonly Write[]): Promise<number> {
  const events = notifiedEvents(writes);
  if (events.length === 0) return 0;
  try {
    // at most 100 messages a call; a write notifies a handful of events
    for (let i = 0; i < events.length; i += 100) {
      await queue.sendBatch(events.slice(i, i + 100).map((eventId) => ({ body: { eventId } })));
    }
    return events.length;
  } catch (err) {
    console.error('notifications: queueing from the request failed; the sweep will send them', err);
    return 0;
  }
}

/**
 * The queue consumer (docs/architecture.md, notifications). Each message names outbox rows; each
 * row is claimed in D1 (a conditional UPDATE to `sending`) BEFORE the transport is called and marked
 * `sent` after. A redelivered message finds the row sent or claimed and sends nothing. A failed send
 * goes back to `pending` and the message is retried with exponential backoff; after MAX_ATTEMPTS
 * the row is parked as `dead`, which the admin sees, and the message is acknowledged.
 */
import type { Db } from '../../db/client';
import { claimOutboxRow, markOutboxFailed, markOutboxSent, outboxIdsOfEvent } from '../../db/outbox';
import type { OutgoingMessage, Transport } from './transport';
import { messageOf } from '../../lib/error-message';

/** A queue message: one outbox row (the sweep), or every row of one event. */
export type OutboxMessage = { outboxId: string } | { eventId: string };

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 3600;

/** 30 s, 60 s, 120 s, … after the 1st, 2nd, 3rd failed attempt, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** Math.max(0, attempts - 1));
}

type Outcome = { sent: number; retryIn?: number };

/** One row, exactly once: claim, send, mark. Answers the delay to retry after, if it failed but may try again. */
export async function deliverOne(
  db: Db,
  id: string,
  transportFor: (channel: OutgoingMessage['channel']) => Transport,
  now: () => Date,
): Promise<Outcome> {
  const row = await claimOutboxRow(db, id, now());
  if (!row) return { sent: 0 };
  try {
    await transportFor(row.channel).send({ id: row.id, channel: row.channel, address: row.address, subject: row.subject, body: row.body });
  } catch (err) {
    const error = messageOf(err).slice(0, 500);
    if (row.attempts >= MAX_ATTEMPTS) {
      await markOutboxFailed(db, row.id, error, { dead: true });
      return { sent: 0 };
    }
    const delay = backoffSeconds(row.attempts);
    await markOutboxFailed(db, row.id, error, { dead: false, at: new Date(now().getTime() + delay * 1000) });
    return { sent: 0, retryIn: delay };
  }
  await markOutboxSent(db, row.id, now());
  return { sent: 1 };
}

/** Handles one queue batch: acknowledges what is done, retries (with backoff) what failed. */
export async function deliverOutbox(
  db: Db,
  batch: MessageBatch<OutboxMessage>,
  transportFor: (channel: OutgoingMessage['channel']) => Transport,
  now: () => Date = () => new Date(),
): Promise<{ sent: number }> {
  let sent = 0;
  for (const message of batch.messages) {
    const body = message.body;
    const ids = 'outboxId' in body ? [body.outboxId] : await outboxIdsOfEvent(db, body.eventId);
    let retryIn: number | undefined;
    for (const id of ids) {
      const outcome = await deliverOne(db, id, transportFor, now);
      sent += outcome.sent;
      if (outcome.retryIn !== undefined) retryIn = Math.max(retryIn ?? 0, outcome.retryIn);
    }
    if (retryIn !== undefined) message.retry({ delaySeconds: retryIn });
    else message.ack();
  }
  return { sent };
}

/**
 * The queue consumer (docs/architecture.md, notifications). Each message names outbox rows; the
 * batch's rows are claimed in D1 (one conditional UPDATE to `sending`) BEFORE the transport is
 * called, and their outcomes recorded after (one more round trip). A redelivered message finds its
 * rows sent or claimed and sends nothing. A failed send goes back to `pending` and its message is
 * retried with exponential backoff; after MAX_ATTEMPTS the row is parked as `dead`, which the
 * admin sees, and the message is acknowledged. A whole batch costs D1 two round trips (and the
 * local mailbox one per channel), whatever its size, and one more first where its messages name
 * events whose rows the sweep may not have written yet.
 */
import type { Db } from '../../db/client';
import { claimOutboxRows, finishOutboxRows, namesRow, writeEventDeliveries, type OutboxTarget, type SendOutcome } from '../../db/outbox';
import type { OutboxRow } from '../../db/schema';
import { sendAll, type OutgoingMessage, type Transport } from './transport';
import { messageOf } from '../../lib/error-message';

/** A queue message: one outbox row (the sweep), or every row of one or more events (the requests). */
export type OutboxMessage = OutboxTarget;

export const MAX_ATTEMPTS = 5;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 3600;

/** 30 s, 60 s, 120 s, … after the 1st, 2nd, 3rd failed attempt, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(MAX_DELAY_S, BASE_DELAY_S * 2 ** Math.max(0, attempts - 1));
}

const outgoing = (row: OutboxRow): OutgoingMessage => ({
  id: row.id,
  channel: row.channel,
  address: row.address,
  subject: row.subject,
  body: row.body,
});

/** Sends claimed rows, each channel through its transport, and judges each attempt. */
async function attempt(
  rows: OutboxRow[],
  transportFor: (channel: OutgoingMessage['channel']) => Transport,
  at: Date,
): Promise<SendOutcome[]> {
  const channels = [...new Set(rows.map((r) => r.channel))];
  const outcomes = await Promise.all(
    channels.map(async (channel) => {
      const own = rows.filter((r) => r.channel === channel);
      const results = await sendAll(transportFor(channel), own.map(outgoing));
      return own.map((row, i): SendOutcome => {
        const result = results[i];
        if (result?.status === 'fulfilled') return { id: row.id, sent: true };
        const error = messageOf(result?.reason).slice(0, 500);
        if (row.attempts >= MAX_ATTEMPTS) return { id: row.id, sent: false, error, dead: true };
        return { id: row.id, sent: false, error, dead: false, retryAt: new Date(at.getTime() + backoffSeconds(row.attempts) * 1000) };
      });
    }),
  );
  return outcomes.flat();
}

/** Handles one queue batch: acknowledges what is done, retries (with backoff) what failed. */
export async function deliverOutbox(
  db: Db,
  batch: MessageBatch<OutboxMessage>,
  transportFor: (channel: OutgoingMessage['channel']) => Transport,
  now: () => Date = () => new Date(),
): Promise<{ sent: number }> {
  const targets = batch.messages.map((m) => m.body);
  // messages naming events (queued by their requests) may come before the sweep wrote the events' rows;
  // a batch naming no event writes nothing and makes no round trip
  await writeEventDeliveries(db, targets);
  const claimed = await claimOutboxRows(db, targets, now());
  const at = now();
  const outcomes = await attempt(claimed, transportFor, at);
  await finishOutboxRows(db, outcomes, now());
  const attempts = new Map(claimed.map((row) => [row.id, row.attempts]));
  for (const message of batch.messages) {
    // the longest backoff of the message's rows that failed and may try again
    const retryIn = Math.max(
      0,
      ...outcomes.filter((o) => !o.sent && !o.dead && namesRow(message.body, o.id)).map((o) => backoffSeconds(attempts.get(o.id) ?? 1)),
    );
    if (retryIn > 0) message.retry({ delaySeconds: retryIn });
    else message.ack();
  }
  return { sent: outcomes.filter((o) => o.sent).length };
}

/**
 * The notification outbox's states (docs/architecture.md, notifications): `pending` → `sending`
 * (claimed by one consumer, before it calls the transport) → `sent`; a failure goes back to
 * `pending` with a `next_attempt_at`, or after the last attempt to `dead`, parked for the admin.
 * Every move is a conditional UPDATE, so two consumers holding the same row cannot both send it.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import type { Db } from './client';
import { localMailbox, notificationOutbox, type OutboxRow } from './schema';

/** A claim older than this is taken to be a consumer that died mid-send; the sweep hands it out again. */
export const STALE_CLAIM_MS = 15 * 60_000;

/** Claims a row for one send attempt; undefined when it is sent, dead, or held by a live claim. */
export async function claimOutboxRow(db: Db, id: string, now: Date): Promise<OutboxRow | undefined> {
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const [row] = await db
    .update(notificationOutbox)
    .set({ state: 'sending', attempts: sql`${notificationOutbox.attempts} + 1`, claimedAt: now.toISOString() })
    .where(
      and(
        eq(notificationOutbox.id, id),
        or(eq(notificationOutbox.state, 'pending'), and(eq(notificationOutbox.state, 'sending'), lte(notificationOutbox.claimedAt, stale))),
      ),
    )
    .returning();
  return row;
}

export async function markOutboxSent(db: Db, id: string, now: Date): Promise<void> {
  await db
    .update(notificationOutbox)
    .set({ state: 'sent', sentAt: now.toISOString(), lastError: null, nextAttemptAt: null })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.state, 'sending')));
}

/** A failed attempt: back to pending after the backoff, or parked as dead. */
export async function markOutboxFailed(db: Db, id: string, error: string, next: { dead: true } | { dead: false; at: Date }): Promise<void> {
  await db
    .update(notificationOutbox)
    .set(
      next.dead
        ? { state: 'dead', lastError: error, nextAttemptAt: null }
        : { state: 'pending', lastError: error, nextAttemptAt: next.at.toISOString() },
    )
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.state, 'sending')));
}

/** The outbox rows of one event (the notification ids start with the event id). */
export async function outboxIdsOfEvent(db: Db, eventId: string): Promise<string[]> {
  const rows = await db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(and(sql`${notificationOutbox.id} >= ${eventId + ':'}`, sql`${notificationOutbox.id} < ${eventId + ';'}`));
  return rows.map((r) => r.id);
}

/**
 * A new row is the writing request's to queue (it does so after its answer); the sweep takes it
 * only if it is still pending this much later, so the two rarely queue the same row (harmless
 * when they do: the consumer claims before it sends).
 */
export const NEW_ROW_GRACE_MS = 2 * 60_000;

/** Rows due for a send: pending and past their backoff (a new one: past its grace), or held by a stale claim. Oldest first. */
export async function dueOutboxIds(db: Db, now: Date, limit: number): Promise<string[]> {
  const at = now.toISOString();
  const graceEnd = new Date(now.getTime() - NEW_ROW_GRACE_MS).toISOString();
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const rows = await db
    .select({ id: notificationOutbox.id })
    .from(notificationOutbox)
    .where(
      or(
        and(
          eq(notificationOutbox.state, 'pending'),
          sql`COALESCE(${notificationOutbox.nextAttemptAt} <= ${at}, ${notificationOutbox.createdAt} <= ${graceEnd})`,
        ),
        and(eq(notificationOutbox.state, 'sending'), lte(notificationOutbox.claimedAt, stale)),
      ),
    )
    .orderBy(asc(notificationOutbox.createdAt))
    .limit(limit);
  return rows.map((r) => r.id);
}

/** Rows just handed to the queue are not handed again for a while (the queue may be behind). */
export async function leaseOutbox(db: Db, ids: string[], until: Date): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(notificationOutbox)
    .set({ nextAttemptAt: until.toISOString() })
    .where(and(inArray(notificationOutbox.id, ids), eq(notificationOutbox.state, 'pending')));
}

/**
 * Parks what the queue gave up on (its dead-letter queue): the named rows, or every row of an
 * event, that are not sent yet — never a sent one — so the admin sees them and can send them again.
 */
export async function parkUnsent(db: Db, which: { outboxId: string } | { eventId: string }, error: string): Promise<number> {
  const target =
    'outboxId' in which
      ? eq(notificationOutbox.id, which.outboxId)
      : and(sql`${notificationOutbox.id} >= ${which.eventId + ':'}`, sql`${notificationOutbox.id} < ${which.eventId + ';'}`);
  const rows = await db
    .update(notificationOutbox)
    .set({ state: 'dead', lastError: error, nextAttemptAt: null })
    .where(and(target, inArray(notificationOutbox.state, ['pending', 'sending'])))
    .returning({ id: notificationOutbox.id });
  return rows.length;
}

/** The admin's view: rows in the given states, newest first. */
export function outboxRows(db: Db, states: OutboxRow['state'][], limit: number) {
  return db
    .select()
    .from(notificationOutbox)
    .where(inArray(notificationOutbox.state, states))
    .orderBy(desc(notificationOutbox.createdAt))
    .limit(limit);
}

/** A parked row the admin sends again: back to pending with a fresh count of attempts. */
export async function requeueDead(db: Db, id: string, now: string): Promise<boolean> {
  const rows = await db
    .update(notificationOutbox)
    .set({ state: 'pending', attempts: 0, nextAttemptAt: now, lastError: null })
    .where(and(eq(notificationOutbox.id, id), eq(notificationOutbox.state, 'dead')))
    .returning({ id: notificationOutbox.id });
  return rows.length > 0;
}

/** 本地发件箱: writes the message once per outbox row (a second write of the same row is ignored). */
export async function writeLocalMail(
  db: Db,
  m: { outboxId: string; channel: string; address: string; subject: string; body: string },
  at: string,
): Promise<void> {
  await db
    .insert(localMailbox)
    .values({ ...m, sentAt: at })
    .onConflictDoNothing();
}

export function localMail(db: Db, limit: number) {
  return db.select().from(localMailbox).orderBy(desc(localMailbox.sentAt)).limit(limit);
}

/**
 * The notification outbox's states (docs/architecture.md, notifications): `pending` → `sending`
 * (claimed by one consumer, before it calls the transport) → `sent`; a failure goes back to
 * `pending` with a `next_attempt_at`, or after the last attempt to `dead`, parked for the admin.
 * Every move is a conditional UPDATE, so two consumers holding the same row cannot both send it.
 */
import { and, asc, desc, eq, inArray, lte, or, sql } from 'drizzle-orm';
import { runBatch } from './batch';
import type { Db } from './client';
import { localMailbox, notificationOutbox, type OutboxRow } from './schema';

/** A claim older than this is taken to be a consumer that died mid-send; the sweep hands it out again. */
export const STALE_CLAIM_MS = 15 * 60_000;

/**
 * Which rows a queue message names: one row (the sweep's), every row of one event, or every row of
 * several events (the requests an isolate gathered into one message).
 */
export type OutboxTarget = { outboxId: string } | { eventId: string } | { eventIds: string[] };

/** One row, or one event's rows: what a single condition of a statement names. */
type Atom = { outboxId: string } | { eventId: string };

/** D1 binds at most 100 parameters a statement; a few are the statement's own */
const MAX_PARAMS = 90;

/** Whether a row belongs to what a message names (notification ids are `<event id>:<account id>`). */
export function namesRow(target: OutboxTarget, rowId: string): boolean {
  if ('outboxId' in target) return rowId === target.outboxId;
  const event = rowId.slice(0, rowId.indexOf(':'));
  return 'eventId' in target ? event === target.eventId : target.eventIds.includes(event);
}

function atomsOf(targets: readonly OutboxTarget[]): Atom[] {
  const ids = new Set<string>();
  const events = new Set<string>();
  for (const t of targets) {
    if ('outboxId' in t) ids.add(t.outboxId);
    else for (const e of 'eventId' in t ? [t.eventId] : t.eventIds) events.add(e);
  }
  return [...[...ids].map((outboxId) => ({ outboxId })), ...[...events].map((eventId) => ({ eventId }))];
}

function atomsCondition(atoms: readonly Atom[]) {
  const ids = atoms.flatMap((t) => ('outboxId' in t ? [t.outboxId] : []));
  return or(
    ids.length > 0 ? inArray(notificationOutbox.id, ids) : undefined,
    // an event's rows are the key range `<event id>:…`
    ...atoms.flatMap((t) =>
      'eventId' in t ? [and(sql`${notificationOutbox.id} >= ${t.eventId + ':'}`, sql`${notificationOutbox.id} < ${t.eventId + ';'}`)] : [],
    ),
  );
}

/** The conditions naming the targets' rows, each under D1's parameter limit (an event takes two, a row one). */
function conditionsOf(targets: readonly OutboxTarget[]) {
  const chunks: Atom[][] = [];
  let chunk: Atom[] = [];
  let params = 0;
  for (const atom of atomsOf(targets)) {
    const cost = 'eventId' in atom ? 2 : 1;
    if (params + cost > MAX_PARAMS) {
      chunks.push(chunk);
      chunk = [];
      params = 0;
    }
    chunk.push(atom);
    params += cost;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks.map(atomsCondition);
}

/**
 * A notification's e-mail and SMS rows are written after its commit, from the view
 * `notification_deliveries` (migration 0018): a channel where the recipient has an address and has
 * not turned it off for the category, as they stand when the rows are written. Each row is
 * `<notification id>:<channel>` and written once (INSERT OR IGNORE), so writing the same
 * notification's rows again changes nothing — not even a row already sent.
 */
const WRITE_DELIVERIES = `INSERT OR IGNORE INTO notification_outbox (id, notification_id, account_id, channel, address, subject, body, state, attempts, created_at)
  SELECT id, notification_id, account_id, channel, address, subject, body, 'pending', 0, created_at FROM notification_deliveries WHERE address <> '' AND`;

/** Where the sweep is in `notifications` (its rowid): every notification up to it has its rows. */
const CURSOR = 'notification_outbox_cursor';

/**
 * The sweep's step: the channel rows of up to `step` notifications committed after the cursor,
 * and the cursor moved past them, in one batch (one transaction, one round trip). Notifications
 * are taken in rowid order, which is the order their writes committed in: a transition that
 * commits after a step has a larger rowid than any the step saw, whatever time it carries, so it
 * is the next step's. Resolves to the notifications the step passed.
 */
export async function writeNewDeliveries(db: Db, step: number): Promise<number> {
  const [before, , after] = await runBatch(db, [
    sql`SELECT value FROM counters WHERE key = ${CURSOR}`,
    sql`${sql.raw(WRITE_DELIVERIES)} seq > (SELECT value FROM counters WHERE key = ${CURSOR}) AND seq <= (SELECT value FROM counters WHERE key = ${CURSOR}) + ${step}`,
    sql`UPDATE counters SET value = MAX(value, MIN(value + ${step}, (SELECT COALESCE(MAX(rowid), 0) FROM notifications))) WHERE key = ${CURSOR} RETURNING value`,
  ]);
  const from = (before?.results[0] as { value: number } | undefined)?.value ?? 0;
  const to = (after?.results[0] as { value: number } | undefined)?.value ?? 0;
  return to - from;
}

/**
 * The channel rows of the named events' notifications, written now (a request that queued its
 * events, `NOTIFY_FROM_REQUEST = "on"`, is there before the sweep): one statement per ~45 events,
 * in one round trip. The sweep's step finds them written and writes nothing twice.
 */
export async function writeEventDeliveries(db: Db, targets: readonly OutboxTarget[]): Promise<void> {
  const events = atomsOf(targets).flatMap((a) => ('eventId' in a ? [a.eventId] : []));
  const statements = [];
  for (let i = 0; i < events.length; i += MAX_PARAMS / 2) {
    const ranges = events.slice(i, i + MAX_PARAMS / 2).map((e) => sql`(notification_id >= ${e + ':'} AND notification_id < ${e + ';'})`);
    statements.push(sql`${sql.raw(WRITE_DELIVERIES)} (${sql.join(ranges, sql` OR `)})`);
  }
  await runBatch(db, statements);
}

/**
 * Claims, for one send attempt each, every row the targets name that is pending or held by a stale
 * claim: one conditional UPDATE per ~45 targets, all in one round trip. A row that is sent, dead or
 * held by a live claim is not returned, so a redelivered message sends nothing twice.
 */
export async function claimOutboxRows(db: Db, targets: readonly OutboxTarget[], now: Date): Promise<OutboxRow[]> {
  if (targets.length === 0) return [];
  const stale = new Date(now.getTime() - STALE_CLAIM_MS).toISOString();
  const claimable = or(
    eq(notificationOutbox.state, 'pending'),
    and(eq(notificationOutbox.state, 'sending'), lte(notificationOutbox.claimedAt, stale)),
  );
  const [first, ...rest] = conditionsOf(targets).map((named) =>
    db
      .update(notificationOutbox)
      .set({ state: 'sending', attempts: sql`${notificationOutbox.attempts} + 1`, claimedAt: now.toISOString() })
      .where(and(named, claimable))
      .returning(),
  );
  if (!first) return [];
  const results = await db.batch([first, ...rest]);
  return results.flat();
}

/** What one claimed row's attempt came to. */
export type SendOutcome =
  | { id: string; sent: true }
  | { id: string; sent: false; error: string; dead: true }
  | { id: string; sent: false; error: string; dead: false; retryAt: Date };

/**
 * Records the attempts of claimed rows, all in one round trip: the sent ones by one UPDATE, each
 * failure back to pending after its backoff or parked as dead. Only rows still claimed change.
 */
export async function finishOutboxRows(db: Db, outcomes: readonly SendOutcome[], now: Date): Promise<void> {
  const sent = outcomes.filter((o) => o.sent).map((o) => o.id);
  const statements = [];
  for (let i = 0; i < sent.length; i += MAX_PARAMS) {
    statements.push(
      db
        .update(notificationOutbox)
        .set({ state: 'sent', sentAt: now.toISOString(), lastError: null, nextAttemptAt: null })
        .where(and(inArray(notificationOutbox.id, sent.slice(i, i + MAX_PARAMS)), eq(notificationOutbox.state, 'sending'))),
    );
  }
  for (const o of outcomes) {
    if (o.sent) continue;
    statements.push(
      db
        .update(notificationOutbox)
        .set(
          o.dead
            ? { state: 'dead', lastError: o.error, nextAttemptAt: null }
            : { state: 'pending', lastError: o.error, nextAttemptAt: o.retryAt.toISOString() },
        )
        .where(and(eq(notificationOutbox.id, o.id), eq(notificationOutbox.state, 'sending'))),
    );
  }
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

/**
 * A new row is the writing request's to queue (it does so after its answer); the sweep takes it
 * only if it is still pending this much later, so the two rarely queue the same row (harmless
 * when they do: the consumer claims before it sends).
 */
export const NEW_ROW_GRACE_MS = 2 * 60_000;

/**
 * Rows due for a send: pending and past their backoff (a new one: past its grace — `graceMs`, the
 * writing request's time to queue it, 0 when requests queue nothing), or held by a stale claim. Oldest first.
 */
export async function dueOutboxIds(db: Db, now: Date, limit: number, graceMs = NEW_ROW_GRACE_MS): Promise<string[]> {
  const at = now.toISOString();
  const graceEnd = new Date(now.getTime() - graceMs).toISOString();
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
 * Parks what the queue gave up on (its dead-letter queue): the named rows, or every row of the
 * named events, that are not sent yet — never a sent one — so the admin sees them and can send them again.
 */
export async function parkUnsent(db: Db, which: OutboxTarget, error: string): Promise<number> {
  const [first, ...rest] = conditionsOf([which]).map((named) =>
    db
      .update(notificationOutbox)
      .set({ state: 'dead', lastError: error, nextAttemptAt: null })
      .where(and(named, inArray(notificationOutbox.state, ['pending', 'sending'])))
      .returning({ id: notificationOutbox.id }),
  );
  if (!first) return 0;
  return (await db.batch([first, ...rest])).flat().length;
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

/** A message as the local mailbox keeps it. */
export interface LocalMail {
  outboxId: string;
  channel: string;
  address: string;
  subject: string;
  body: string;
}

/** 本地发件箱: writes the messages, once per outbox row (a second write of the same row is ignored), in one round trip. */
export async function writeLocalMail(db: Db, mails: readonly LocalMail[], at: string): Promise<void> {
  // six parameters a row: 15 rows a statement keeps under D1's limit
  const statements = [];
  for (let i = 0; i < mails.length; i += 15)
    statements.push(
      db
        .insert(localMailbox)
        .values(mails.slice(i, i + 15).map((m) => ({ ...m, sentAt: at })))
        .onConflictDoNothing(),
    );
  const [first, ...rest] = statements;
  if (first) await db.batch([first, ...rest]);
}

export function localMail(db: Db, limit: number) {
  return db.select().from(localMailbox).orderBy(desc(localMailbox.sentAt)).limit(limit);
}

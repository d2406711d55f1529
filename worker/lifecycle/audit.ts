import { sql } from 'drizzle-orm';
import type { Write } from '../db/batch';
import type { Actor } from '../auth/actor';
import { chainTail, preChainEvents } from '../db/audit-chain';
import type { Db } from '../db/client';
import { abortUnlessChanged } from '../db/records';
import { prepared } from '../db/prepared';
import { auditEvents, records } from '../db/schema';
import { eventHash, GENESIS, preChainSeal, type PreChainEvent } from '../domain/audit/event-hash';
import { canonicalJson } from '../lib/canonical-json';
import { newId, sha256Hex } from '../lib/encoding';

/** A record inserted in the same batch: its chain starts at the genesis value. */
export const NEW_RECORD = 'new';

export interface AuditInput {
  recordId: string;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string;
  actor: Pick<Actor, 'accountId' | 'displayName'> & { role: string };
  reason: string | null;
  /** the record data as this event leaves it */
  data: unknown;
  at: string;
  /** the record's `auditHead` as read before this change, or NEW_RECORD when the batch inserts it */
  head: string | null;
  /** the record's pre-chain events when the caller read them with the record (head null); read here otherwise */
  preChain?: PreChainEvent[];
}

/** Who acts when time does (an invitation lapsing at its deadline). */
export const SYSTEM_ACTOR = { accountId: 'system', role: 'system', displayName: '系统' } as const;

/** SHA-256 of the record data as a transition writes it. */
export function dataDigest(data: unknown): Promise<string> {
  return sha256Hex(canonicalJson(data));
}

export function snapshotOf(data: unknown): string {
  return canonicalJson(data);
}

/** The hash the next event of a record links to. */
async function previousHash(db: Db, recordId: string, head: AuditInput['head'], preChain?: PreChainEvent[]): Promise<string> {
  if (head === NEW_RECORD) return GENESIS;
  if (head !== null) return head;
  return preChainSeal(preChain ?? (await preChainEvents(db, recordId)));
}

/**
 * The writes of one audit event, for the same batch as the change it describes: the event, linked
 * to the record's previous one, and the record's head moved to it — only if the head is still the
 * one that was read, so two writers can never both extend the same chain.
 * Resolves to an array, never to a query: a drizzle query is thenable and would run on its own.
 */
export async function auditWrites(db: Db, input: AuditInput): Promise<Write[]> {
  const { insert, hash } = await chainedEvent(db, input);
  const expectedHead = input.head === NEW_RECORD ? null : input.head;
  return [
    insert,
    db.update(records).set({ auditHead: hash }).where(sql`${records.id} = ${input.recordId} AND ${records.auditHead} IS ${expectedHead}`),
    abortUnlessChanged(db),
  ];
}

/**
 * The audit event of a change that already rewrites the record row under a guard: the caller sets
 * `records.audit_head` to `hash` in that same guarded UPDATE (`guardedRecordUpdate`, which also
 * requires the head it read), so the chain moves with the record in one statement and one guard.
 */
export async function auditEventOfUpdate(db: Db, input: AuditInput): Promise<{ insert: Write; hash: string }> {
  if (input.head === NEW_RECORD) throw new Error('auditEventOfUpdate is for records that exist');
  return chainedEvent(db, input);
}

type EventRow = typeof auditEvents.$inferInsert & { prevHash: string; hash: string; snapshot: string };

/** Every transition writes one: its text is rendered once (see `prepared`). */
const insertEvent = prepared<EventRow>((db, p) =>
  db.insert(auditEvents).values({
    id: p.id,
    recordId: p.recordId,
    kind: p.kind,
    action: p.action,
    fromState: p.fromState,
    toState: p.toState,
    actorId: p.actorId,
    actorRole: p.actorRole,
    actorName: p.actorName,
    reason: p.reason,
    dataDigest: p.dataDigest,
    snapshot: p.snapshot,
    at: p.at,
    prevHash: p.prevHash,
    hash: p.hash,
  }),
);

/** The insert of a record's next event, linked to the one before it, and the hash it leaves as head. */
async function chainedEvent(db: Db, input: AuditInput): Promise<{ insert: Write; hash: string }> {
  const { event, snapshot, hash } = await sealedEvent(input, await previousHash(db, input.recordId, input.head, input.preChain));
  return { insert: insertEvent(db, { ...event, snapshot, hash }), hash };
}

/**
 * The audit event of a subject that has no record row to hold its head (a published form
 * definition): it links to the end of the subject's chain, and the unique (record, previous hash)
 * index refuses a second event linking to the same one.
 */
export async function subjectAuditWrites(db: Db, input: Omit<AuditInput, 'head'>): Promise<Write[]> {
  const prev = (await chainTail(db, input.recordId)) ?? (await previousHash(db, input.recordId, null));
  const { event, snapshot, hash } = await sealedEvent({ ...input, head: null }, prev);
  return [db.insert(auditEvents).values({ ...event, snapshot, hash })];
}

async function sealedEvent(input: AuditInput, prevHash: string) {
  const snapshot = snapshotOf(input.data);
  const event = {
    id: newId(),
    recordId: input.recordId,
    kind: input.kind,
    action: input.action,
    fromState: input.fromState,
    toState: input.toState,
    actorId: input.actor.accountId,
    actorRole: input.actor.role,
    actorName: input.actor.displayName,
    reason: input.reason,
    dataDigest: await sha256Hex(snapshot),
    at: input.at,
    prevHash,
  };
  return { event, snapshot, hash: await eventHash(event) };
}

/**
 * How an audit event is sealed. Each event's hash covers its own fields, the digest of the record
 * data it wrote and the hash of the event before it, so changing, removing or inserting any event
 * breaks every link after it. Used by the writers and by the verifier, in the worker and in Node.
 */
import { canonicalJson } from '../../lib/canonical-json';
import { sha256Hex } from '../../lib/encoding';

/** The previous hash of a record's first event. */
export const GENESIS = 'genesis';

/** The fields an event's hash covers, exactly as stored. */
export interface HashedEventFields {
  id: string;
  recordId: string;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string;
  actorRole: string;
  actorName: string;
  reason: string | null;
  dataDigest: string;
  at: string;
  prevHash: string;
}

export function eventHash(e: HashedEventFields): Promise<string> {
  return sha256Hex(
    canonicalJson({
      v: 1,
      id: e.id,
      recordId: e.recordId,
      kind: e.kind,
      action: e.action,
      fromState: e.fromState,
      toState: e.toState,
      actorId: e.actorId,
      actorRole: e.actorRole,
      actorName: e.actorName,
      reason: e.reason,
      dataDigest: e.dataDigest,
      at: e.at,
      prevHash: e.prevHash,
    }),
  );
}

/** An event as written before the chain existed (no hash of its own). */
export type PreChainEvent = Omit<HashedEventFields, 'prevHash'> & { snapshot: string | null };

/**
 * Events written before the chain existed are sealed, not trusted: the first hashed event of such a
 * record links to a digest over all of them, so from then on they cannot change either.
 */
export function preChainSeal(events: PreChainEvent[]): Promise<string> {
  if (events.length === 0) return Promise.resolve(GENESIS);
  const ordered = [...events].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return sha256Hex(
    canonicalJson(
      ordered.map((e) => ({
        id: e.id,
        recordId: e.recordId,
        kind: e.kind,
        action: e.action,
        fromState: e.fromState,
        toState: e.toState,
        actorId: e.actorId,
        actorRole: e.actorRole,
        actorName: e.actorName,
        reason: e.reason,
        dataDigest: e.dataDigest,
        snapshot: e.snapshot,
        at: e.at,
      })),
    ),
  );
}

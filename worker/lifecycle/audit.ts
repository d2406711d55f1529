import type { Write } from '../db/batch';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';
import { canonicalJson } from '../lib/canonical-json';
import { newId, sha256Hex } from '../lib/encoding';

export interface AuditInput {
  recordId: string;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string;
  actor: Pick<Actor, 'accountId' | 'displayName'> & { role: string };
  reason: string | null;
  data: unknown;
  at: string;
}

/** SHA-256 of the record data as a transition writes it. */
/** Who acts when time does (an invitation lapsing at its deadline). */
export const SYSTEM_ACTOR = { accountId: 'system', role: 'system', displayName: '系统' } as const;

export function dataDigest(data: unknown): Promise<string> {
  return sha256Hex(canonicalJson(data));
}

export function snapshotOf(data: unknown): string {
  return canonicalJson(data);
}

/**
 * One audit event per transition, written in the same batch as the change it describes.
 * Synchronous on purpose: a drizzle query is thenable, so returning it from an async function
 * would run it on its own, outside the batch.
 */
export function auditStatement(db: Db, input: AuditInput & { digest: string }): Write {
  return db.insert(auditEvents).values({
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
    dataDigest: input.digest,
    snapshot: snapshotOf(input.data),
    at: input.at,
  });
}

/**
 * The audit event of a publish. A form version is not a lifecycle record (there is no records row
 * to carry a chain head), so the event is written as a plain audit row under `form:<key>`, in the
 * same batch as the version it describes.
 */
import type { Actor } from '../../auth/actor';
import type { Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { auditEvents } from '../../db/schema';
import { canonicalJson } from '../../lib/canonical-json';
import { newId, sha256Hex } from '../../lib/encoding';

export interface PublishEvent {
  formKey: string;
  from: number;
  to: number;
  reason: string;
  definition: unknown;
  at: string;
}

/** Resolves to an array, never to a query: a drizzle query is thenable and would run on its own. */
export async function publishAuditWrites(db: Db, actor: Actor, e: PublishEvent): Promise<Write[]> {
  const snapshot = canonicalJson(e.definition);
  const values = {
    id: newId(), recordId: `form:${e.formKey}`, kind: 'forms', action: 'publish', fromState: `v${e.from}`, toState: `v${e.to}`,
    actorId: actor.accountId, actorRole: actor.role, actorName: actor.displayName, reason: e.reason,
    dataDigest: await sha256Hex(snapshot), snapshot, at: e.at,
  };
  return [db.insert(auditEvents).values(values)];
}

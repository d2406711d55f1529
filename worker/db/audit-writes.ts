/** Writes of the audit chain: an event row, and a record's head moved to it (worker/lifecycle/audit.ts builds them). */
import { sql } from 'drizzle-orm';
import type { Write } from './batch';
import type { Db } from './client';
import { prepared } from './prepared';
import { auditEvents, records } from './schema';

export type EventRow = typeof auditEvents.$inferInsert & { prevHash: string; hash: string; snapshot: string };

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

/** The insert of one audit event. */
export function insertAuditEvent(db: Db, event: EventRow): Write {
  return insertEvent(db, event);
}

/** The write moving the record's chain head to `hash`; no row changes unless the head is still `expectedHead`. */
export function moveAuditHead(db: Db, recordId: string, expectedHead: string | null, hash: string): Write {
  return db.update(records).set({ auditHead: hash }).where(sql`${records.id} = ${recordId} AND ${records.auditHead} IS ${expectedHead}`);
}

/** Reads behind the audit chain: pre-chain events to seal, and pages of records with their events to verify. */
import { and, asc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { PreChainEvent } from '../domain/audit/event-hash';
import type { Db } from './client';
import { auditEvents, records } from './schema';

export const preChainColumns = {
  id: auditEvents.id,
  recordId: auditEvents.recordId,
  kind: auditEvents.kind,
  action: auditEvents.action,
  fromState: auditEvents.fromState,
  toState: auditEvents.toState,
  actorId: auditEvents.actorId,
  actorRole: auditEvents.actorRole,
  actorName: auditEvents.actorName,
  reason: auditEvents.reason,
  dataDigest: auditEvents.dataDigest,
  snapshot: auditEvents.snapshot,
  at: auditEvents.at,
};

export async function preChainEvents(db: Db, recordId: string): Promise<PreChainEvent[]> {
  return db
    .select(preChainColumns)
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, recordId), isNull(auditEvents.hash)));
}

/** Pre-chain events of many records at once (the roster import re-imports hundreds). */
export async function preChainEventsOf(db: Db, recordIds: string[]): Promise<PreChainEvent[]> {
  const out: PreChainEvent[] = [];
  for (let i = 0; i < recordIds.length; i += 500) {
    const chunk = JSON.stringify(recordIds.slice(i, i + 500));
    out.push(
      ...(await db
        .select(preChainColumns)
        .from(auditEvents)
        .where(and(sql`${auditEvents.recordId} IN (SELECT value FROM json_each(${chunk}))`, isNull(auditEvents.hash)))),
    );
  }
  return out;
}

export interface ChainRecord {
  id: string;
  kind: string;
  state: string;
  data: unknown;
  auditHead: string | null;
  updatedAt: string;
}

/** Records in id order, after a cursor: the verifier walks the whole table a page at a time. */
export async function chainRecordsPage(db: Db, afterId: string, limit: number): Promise<ChainRecord[]> {
  return db
    .select({
      id: records.id,
      kind: records.kind,
      state: records.state,
      data: records.data,
      auditHead: records.auditHead,
      updatedAt: records.updatedAt,
    })
    .from(records)
    .where(gt(records.id, afterId))
    .orderBy(asc(records.id))
    .limit(limit);
}

export async function chainRecord(db: Db, id: string): Promise<ChainRecord | undefined> {
  const rows = await db
    .select({
      id: records.id,
      kind: records.kind,
      state: records.state,
      data: records.data,
      auditHead: records.auditHead,
      updatedAt: records.updatedAt,
    })
    .from(records)
    .where(eq(records.id, id))
    .limit(1);
  return rows[0];
}

export async function eventsOfRecords(db: Db, recordIds: string[]) {
  if (recordIds.length === 0) return [];
  const ids = JSON.stringify(recordIds);
  return db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.recordId} IN (SELECT value FROM json_each(${ids}))`)
    .orderBy(asc(auditEvents.id));
}

/** Events whose record is gone: deleting a whole record must not hide its history silently. */
export async function orphanEvents(db: Db, limit = 100) {
  return db
    .select()
    .from(auditEvents)
    .where(sql`NOT EXISTS (SELECT 1 FROM ${records} WHERE ${records.id} = ${auditEvents.recordId})
      AND ${auditEvents.kind} NOT IN (SELECT value FROM json_each(${JSON.stringify(RECORDLESS_KINDS)}))`)
    .orderBy(asc(auditEvents.id))
    .limit(limit);
}

/** The hash no later event links to: the end of a chain that has no record row to keep its head. */
export async function chainTail(db: Db, subjectId: string): Promise<string | null> {
  const rows = await db.all<{ hash: string }>(sql`
    SELECT e.hash AS hash FROM audit_events e
    WHERE e.record_id = ${subjectId} AND e.hash IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM audit_events n WHERE n.record_id = e.record_id AND n.prev_hash = e.hash)
    ORDER BY e.id DESC LIMIT 1`);
  return rows[0]?.hash ?? null;
}

/** Audit subjects that are not lifecycle records: published form definitions (`form:<key>`), a student's contact details (`contact:<studentId>`), password resets (`account:<accountId>`), a school's profile (`school-profile:<schoolId>`). */
export const RECORDLESS_KINDS = ['forms', 'student-contacts', 'accounts', 'school-profiles'];

export async function recordlessEvents(db: Db) {
  return db
    .select()
    .from(auditEvents)
    .where(sql`${auditEvents.kind} IN (SELECT value FROM json_each(${JSON.stringify(RECORDLESS_KINDS)}))`)
    .orderBy(asc(auditEvents.id));
}

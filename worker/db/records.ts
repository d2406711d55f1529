import type { BatchedRead, Write } from './batch';
import { and, desc, eq, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { PreChainEvent } from '../domain/audit/event-hash';
import { preChainColumns } from './audit-chain';
import type { Db } from './client';
import { fromDriverColumns, fromDriverRow, rowsOf } from './driver-rows';
import { auditEvents, records, students, type AuditEventRow, type RecordRow } from './schema';

export async function findRecord(db: Db, id: string): Promise<RecordRow | undefined> {
  return db.query.records.findFirst({ where: eq(records.id, id) });
}

function recordQuery(db: Db, id: string) {
  return db.select().from(records).where(eq(records.id, id)).limit(1);
}

function timelineQuery(db: Db, recordId: string) {
  return db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId)).orderBy(auditEvents.id);
}

export async function recordTimeline(db: Db, recordId: string): Promise<AuditEventRow[]> {
  return timelineQuery(db, recordId);
}

export interface RecordWithTimeline {
  record: RecordRow;
  events: AuditEventRow[];
}

/** A record and its timeline (what the record view shows), as one batched read. */
export function recordWithTimelineRead(db: Db, id: string): BatchedRead<RecordWithTimeline | undefined> {
  return {
    statements: [recordQuery(db, id), timelineQuery(db, id)],
    read([recordResult, timelineResult]) {
      const raw = rowsOf(recordResult)[0];
      if (!raw) return undefined;
      return { record: fromDriverRow(records, raw), events: rowsOf(timelineResult).map((row) => fromDriverRow(auditEvents, row)) };
    },
  };
}

export interface RecordForChange {
  record: RecordRow;
  /** its events from before the audit chain (none once it has a hashed event): the first hashed event seals them */
  preChain: PreChainEvent[];
}

/** A record about to be changed, with what its next audit event must link to, as one batched read. */
export function recordForChangeRead(db: Db, id: string): BatchedRead<RecordForChange | undefined> {
  return {
    statements: [
      recordQuery(db, id),
      db.select(preChainColumns).from(auditEvents).where(and(eq(auditEvents.recordId, id), isNull(auditEvents.hash))),
    ],
    read([recordResult, preChainResult]) {
      const raw = rowsOf(recordResult)[0];
      if (!raw) return undefined;
      return { record: fromDriverRow(records, raw), preChain: rowsOf(preChainResult).map((row) => fromDriverColumns<PreChainEvent>(preChainColumns, row)) };
    },
  };
}

export interface ListQuery {
  kind: string;
  scope?: SQL;
  states?: string[];
  cohort?: number;
  schoolId?: string;
  collegeId?: string;
  /** free text: matched against the student's or employer's name, ID number, credit code or agreement number */
  q?: string;
  /** keyset cursor: the last id of the previous page */
  cursor?: string;
  limit: number;
}

/** Newest first by id (ids are time-ordered), so page N costs what page 1 does. */
export async function listRecords(db: Db, query: ListQuery): Promise<Array<RecordRow & { studentName: string | null; studentIdNumber: string | null }>> {
  const rows = await listRecordsQuery(db, query);
  return rows.map((r) => ({ ...r.record, studentName: r.studentName, studentIdNumber: r.studentIdNumber }));
}

/** The list query itself, so its plan can be checked (see records.test.ts). */
export function listRecordsQuery(db: Db, query: ListQuery) {
  const conditions: (SQL | undefined)[] = [eq(records.kind, query.kind), query.scope];
  if (query.states?.length === 1) conditions.push(eq(records.state, query.states[0]));
  else if (query.states && query.states.length > 1) conditions.push(sql`${records.state} IN ${query.states}`);
  if (query.cohort !== undefined) conditions.push(eq(records.cohort, query.cohort));
  if (query.schoolId) conditions.push(eq(records.schoolId, query.schoolId));
  if (query.collegeId) conditions.push(eq(records.collegeId, query.collegeId));
  if (query.cursor) conditions.push(lt(records.id, query.cursor));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (ch) => '\\' + ch)}%`;
    conditions.push(sql`(json_extract(${records.data}, '$.name') LIKE ${like} ESCAPE '\\' OR json_extract(${records.data}, '$.idNumber') = ${query.q} OR ${records.number} = ${query.q}
      OR json_extract(${records.data}, '$.employerName') LIKE ${like} ESCAPE '\\' OR json_extract(${records.data}, '$.creditCode') = ${query.q})`);
  }
  return db
    .select({ record: records, studentName: students.name, studentIdNumber: students.idNumber })
    .from(records)
    .leftJoin(students, eq(students.id, records.studentId))
    .where(and(...conditions))
    .orderBy(desc(records.id))
    .limit(query.limit);
}

/** Aborts the batch when the statement just before it changed no row (see `writeGuards`). */
export function abortUnlessChanged(db: Db): Write {
  return sql`INSERT INTO write_guards (ok) SELECT NULL WHERE changes() = 0`;
}

export function isAbortedByGuard(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes('write_guards.ok');
}

export function isUniqueViolation(err: unknown): boolean {
  return String((err as Error)?.message ?? err).includes('UNIQUE constraint failed');
}

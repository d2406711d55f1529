import type { BatchedRead, Write } from './batch';
import { and, desc, eq, inArray, isNull, lt, sql, type SQL } from 'drizzle-orm';
import type { PreChainEvent } from '../domain/audit/event-hash';
import { preChainColumns } from './audit-chain';
import type { Db } from './client';
import { fromDriverColumns, fromDriverRow, rowsOf } from './driver-rows';
import { prepared } from './prepared';
import { auditEvents, records, students, type AuditEventRow, type RecordRow } from './schema';
import { messageOf } from '../lib/error-message';

export async function findRecord(db: Db, id: string): Promise<RecordRow | undefined> {
  return db.query.records.findFirst({ where: eq(records.id, id) });
}

const recordQuery = prepared<{ id: string }>((db, p) => db.select().from(records).where(eq(records.id, p.id)).limit(1));

const timelineQuery = prepared<{ recordId: string }>((db, p) =>
  db.select().from(auditEvents).where(eq(auditEvents.recordId, p.recordId)).orderBy(auditEvents.id),
);

const preChainQuery = prepared<{ recordId: string }>((db, p) =>
  db
    .select(preChainColumns)
    .from(auditEvents)
    .where(and(eq(auditEvents.recordId, p.recordId), isNull(auditEvents.hash))),
);

export async function recordTimeline(db: Db, recordId: string): Promise<AuditEventRow[]> {
  return db.select().from(auditEvents).where(eq(auditEvents.recordId, recordId)).orderBy(auditEvents.id);
}

export interface RecordWithTimeline {
  record: RecordRow;
  events: AuditEventRow[];
  /** the records started from it (变更, 解约), when read with it: the page's offers are judged on them */
  children?: RecordChild[];
}

export interface RecordChild {
  kind: string;
  state: string | null;
}

const CHILD_COLUMNS = { kind: records.kind, state: records.state };
const childrenQuery = prepared<{ parentId: string }>((db, p) =>
  db.select(CHILD_COLUMNS).from(records).where(eq(records.parentId, p.parentId)),
);

/** The record page's read: the record, its timeline and the records started from it, as one batched read. */
export function recordPageRead(db: Db, id: string): BatchedRead<Required<RecordWithTimeline> | undefined> {
  const withTimeline = recordWithTimelineRead(db, id);
  return {
    statements: [...withTimeline.statements, childrenQuery(db, { parentId: id })],
    read(results) {
      const found = withTimeline.read(results.slice(0, 2));
      if (!found) return undefined;
      return {
        ...found,
        children: rowsOf(results[2]).map(
          (row): RecordChild => ({ kind: String(row.kind), state: typeof row.state === 'string' ? row.state : null }),
        ),
      };
    },
  };
}

/** A record and its timeline (what the record view shows), as one batched read. */
export function recordWithTimelineRead(db: Db, id: string): BatchedRead<RecordWithTimeline | undefined> {
  return {
    statements: [recordQuery(db, { id }), timelineQuery(db, { recordId: id })],
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
    statements: [recordQuery(db, { id }), preChainQuery(db, { recordId: id })],
    read([recordResult, preChainResult]) {
      const raw = rowsOf(recordResult)[0];
      if (!raw) return undefined;
      return {
        record: fromDriverRow(records, raw),
        preChain: rowsOf(preChainResult).map((row) => fromDriverColumns(preChainColumns, row) as PreChainEvent),
      };
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
  /** free text (at most MAX_SEARCH_LENGTH characters): contained in the student's or employer's name, or equal to the ID number, credit code or agreement number */
  q?: string;
  /** keyset cursor: the last id of the previous page */
  cursor?: string;
  limit: number;
}

/** Newest first by id (ids are time-ordered), so page N costs what page 1 does. */
export async function listRecords(
  db: Db,
  query: ListQuery,
): Promise<Array<RecordRow & { studentName: string | null; studentIdNumber: string | null }>> {
  const rows = await listRecordsQuery(db, query);
  return rows.map((r) => ({ ...r.record, studentName: r.studentName, studentIdNumber: r.studentIdNumber }));
}

/** The list query itself, so its plan can be checked (see records.test.ts). */
export function listRecordsQuery(db: Db, query: ListQuery) {
  const conditions = listFilterConditions(query);
  if (query.cursor) conditions.push(lt(records.id, query.cursor));
  return db
    .select({ record: records, studentName: students.name, studentIdNumber: students.idNumber })
    .from(records)
    .leftJoin(students, eq(students.id, records.studentId))
    .where(and(...conditions))
    .orderBy(desc(records.id))
    .limit(query.limit);
}

/** The filters of a list (kind, scope, states, cohort, school, college, search) over `records`; the dispatch export applies the same. */
export function listFilterConditions(query: Omit<ListQuery, 'cursor' | 'limit'>): (SQL | undefined)[] {
  const conditions: (SQL | undefined)[] = [eq(records.kind, query.kind), query.scope];
  const [onlyState, ...otherStates] = query.states ?? [];
  if (onlyState !== undefined && otherStates.length === 0) conditions.push(eq(records.state, onlyState));
  else if (query.states && query.states.length > 1) conditions.push(sql`${records.state} IN ${query.states}`);
  if (query.cohort !== undefined) conditions.push(eq(records.cohort, query.cohort));
  if (query.schoolId) conditions.push(eq(records.schoolId, query.schoolId));
  if (query.collegeId) conditions.push(eq(records.collegeId, query.collegeId));
  if (query.q) {
    // instr, not LIKE: D1 refuses a LIKE pattern over 50 bytes (17 Chinese characters), and the
    // term needs no escaping (a typed % or _ is just text). lower() folds ASCII only, as LIKE did.
    const contains = (path: '$.name' | '$.employerName') =>
      sql`instr(lower(json_extract(${records.data}, ${sql.raw(`'${path}'`)})), lower(${query.q})) > 0`;
    conditions.push(sql`(${contains('$.name')} OR json_extract(${records.data}, '$.idNumber') = ${query.q} OR ${records.number} = ${query.q}
      OR ${contains('$.employerName')} OR json_extract(${records.data}, '$.creditCode') = ${query.q})`);
  }
  return conditions;
}

/** What a transition changes on the record row; data and its derived columns only when a step rewrote them. */
export interface RecordChange {
  state: string;
  version: number;
  updatedAt: string;
  auditHead: string;
  data?: unknown;
  deadline?: string | null;
}

/** The record as it was read: the update applies only if it is still so. */
export type RecordExpected = Pick<RecordRow, 'id' | 'state' | 'version' | 'auditHead'>;

type ChangeValues = { [K in keyof RecordChange as `set_${K}`]: RecordChange[K] } & {
  id: string;
  state: string;
  version: number;
  head: string | null;
};

/** One prepared statement per set of changed columns (there are three). */
const guardedUpdates = new Map<string, (db: Db, values: ChangeValues) => Write>();

/**
 * The one guarded statement of a transition: it moves the state, the version and the audit
 * chain's head together, and changes no row unless the record is still as it was read (follow it
 * with `abortUnlessChanged`).
 */
export function guardedRecordUpdate(db: Db, expected: RecordExpected, change: RecordChange): Write {
  const columns = (Object.keys(change) as (keyof RecordChange)[]).sort();
  const key = columns.join();
  let statement = guardedUpdates.get(key);
  if (!statement) {
    statement = prepared<ChangeValues>((db, p) =>
      db
        .update(records)
        .set(Object.fromEntries(columns.map((column) => [column, p[`set_${column}`]])))
        .where(
          and(eq(records.id, p.id), eq(records.state, p.state), eq(records.version, p.version), sql`${records.auditHead} IS ${p.head}`),
        ),
    );
    guardedUpdates.set(key, statement);
  }
  const values = { id: expected.id, state: expected.state, version: expected.version, head: expected.auditHead } as ChangeValues;
  for (const column of columns) (values as Record<string, unknown>)[`set_${column}`] = change[column];
  return statement(db, values);
}

/** Up to `limit` records of `kind` in one of `states` whose deadline (YYYY-MM-DD) is before `today`. */
export async function recordsPastDeadline(
  db: Db,
  kind: string,
  states: readonly string[],
  today: string,
  limit: number,
): Promise<RecordRow[]> {
  return db
    .select()
    .from(records)
    .where(and(eq(records.kind, kind), inArray(records.state, [...states]), lt(records.deadline, today)))
    .limit(limit);
}

/** The insert of a new record row (its audit events come with it in the same batch). */
export function insertRecord(db: Db, row: typeof records.$inferInsert): Write {
  return db.insert(records).values(row);
}

/** The write setting a record's mode (a destination's review chain, chosen by its code). */
export function setRecordMode(db: Db, id: string, mode: string): Write {
  return db.update(records).set({ mode }).where(eq(records.id, id));
}

/** How a transition's effect moves another record on (an agreement a termination ends, a dispatch record it voids). */
export interface RecordMove {
  to: string;
  now: string;
  /** the states it must still be in; any when not given */
  from?: readonly string[];
  /** the version it was read at, when it must still be at it */
  version?: number;
  /** columns that change with the state */
  set?: Partial<Pick<RecordRow, 'data' | 'parentId' | 'mode'>>;
}

/** The write moving record `id` to `move.to` and on one version; no row changes unless it is still as `from` and `version` say. */
export function moveRecordWrite(db: Db, id: string, move: RecordMove): Write {
  return db
    .update(records)
    .set({ ...move.set, state: move.to, version: sql`${records.version} + 1`, updatedAt: move.now })
    .where(
      and(
        eq(records.id, id),
        move.from ? inArray(records.state, [...move.from]) : undefined,
        move.version === undefined ? undefined : eq(records.version, move.version),
      ),
    );
}

/** Aborts the batch when the statement just before it changed no row (see `writeGuards`). */
export function abortUnlessChanged(db: Db): Write {
  return writeGuard(db, {});
}

const writeGuard = prepared(() => sql`INSERT INTO write_guards (ok) SELECT NULL WHERE changes() = 0`);

export function isAbortedByGuard(err: unknown): boolean {
  return messageOf(err).includes('write_guards.ok');
}

export function isUniqueViolation(err: unknown): boolean {
  return messageOf(err).includes('UNIQUE constraint failed');
}

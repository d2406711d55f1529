/**
 * Records started from another record (the agreement an accepted invitation became, an agreement's
 * 变更, 解约, dispatch record and 毕业去向登记), read and written through `parent_id`.
 */
import { and, desc, eq, inArray, notInArray } from 'drizzle-orm';
import type { Write } from './batch';
import type { Db } from './client';
import { records, type RecordRow } from './schema';

export async function latestChildId(db: Db, parentId: string, kind: string): Promise<string | null> {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.parentId, parentId), eq(records.kind, kind)))
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(1);
  return rows[0]?.id ?? null;
}

/** Whether a record of `kind` in one of `states` was started from `parentId`. */
export async function hasChildInStates(db: Db, parentId: string, kind: string, states: readonly string[]): Promise<boolean> {
  const open = await db.query.records.findFirst({
    columns: { id: true },
    where: and(eq(records.kind, kind), eq(records.parentId, parentId), inArray(records.state, [...states])),
  });
  return open !== undefined;
}

/** Which states of the children to read: those `in` the list, or all but those `notIn` it. */
export type ChildStates = { in: readonly string[] } | { notIn: readonly string[] };

/** The records of `kind` started from `parentId` in the given states. */
export async function childRecordsOf(db: Db, parentId: string, kind: string, states: ChildStates): Promise<RecordRow[]> {
  const inStates = 'in' in states ? inArray(records.state, [...states.in]) : notInArray(records.state, [...states.notIn]);
  return db
    .select()
    .from(records)
    .where(and(eq(records.kind, kind), eq(records.parentId, parentId), inStates));
}

/** What a record another record opens (the dispatch record, the 毕业去向登记 of an approved agreement) is made of. */
export interface NewChild {
  id: string;
  kind: string;
  state: string;
  data: Record<string, unknown>;
  form: { key: string; version: number };
  createdBy: string;
  now: string;
}

/** The insert of a record started from `parent`: the parent's student, school, college and cohort, no employer. */
export function insertChildRecord(db: Db, parent: RecordRow, child: NewChild): Write {
  return db.insert(records).values({
    id: child.id,
    kind: child.kind,
    state: child.state,
    version: 1,
    data: child.data,
    formKey: child.form.key,
    formVersion: child.form.version,
    studentId: parent.studentId,
    schoolId: parent.schoolId,
    collegeId: parent.collegeId,
    employerId: null,
    cohort: parent.cohort,
    parentId: parent.id,
    createdBy: child.createdBy,
    createdAt: child.now,
    updatedAt: child.now,
  });
}

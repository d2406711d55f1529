import type { Write } from '../../db/batch';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { findRecord } from '../../db/records';
import { records, type RecordRow, type StudentRow } from '../../db/schema';
import { findSchool, sourceRecordOf } from '../../db/students';
import { notFound } from '../../http/errors';
import { inScope } from '../scope';
import type { CreateFrom, Kind } from '../types';
import { valueText } from '../../lib/value-text';

/** A form value as text ('' when empty). */
export const str = (v: unknown): string => valueText(v);

/** States in which an agreement binds the student (docs/architecture.md, the lifecycles: at most one at a time). */
export const ACTIVE_AGREEMENT_STATES = ['college_review', 'school_review', 'approved', 'returned'] as const;

export async function activeAgreementOf(db: Db, studentId: string) {
  return db.query.records.findFirst({
    where: and(eq(records.studentId, studentId), eq(records.kind, 'agreements'), inArray(records.state, [...ACTIVE_AGREEMENT_STATES])),
  });
}

/**
 * The agreement a new amendment or termination is about, if it is one of the actor's own; otherwise
 * 404 exactly as for an id that does not exist, before anything about its mode or state is told.
 */
export async function ownAgreement(db: Db, actor: Actor, agreementId: string, from?: CreateFrom): Promise<RecordRow> {
  // the record the caller has just read is judged as it is, with the same checks
  const agreement = from?.record.id === agreementId ? from.record : await findRecord(db, agreementId);
  if (!agreement || agreement.kind !== 'agreements' || !inScope(actor, agreement)) throw notFound('协议书不存在');
  return agreement;
}

/**
 * Whether a record of `kind` in one of `states` was started from `parentId` (an open 解约, a 变更
 * waiting for the student): judged on the children the caller read with the parent where it did,
 * else asked of the database.
 */
export async function hasOpenChild(db: Db, parentId: string, kind: Kind, states: readonly string[], from?: CreateFrom): Promise<boolean> {
  const children = from?.record.id === parentId ? from.children : undefined;
  if (children) return children.some((c) => c.kind === kind && c.state !== null && states.includes(c.state));
  const open = await db.query.records.findFirst({
    columns: { id: true },
    where: and(eq(records.kind, kind), eq(records.parentId, parentId), inArray(records.state, [...states])),
  });
  return open !== undefined;
}

/**
 * 协议书编号: school code + cohort + a 6-digit sequence per school and cohort, drawn inside the
 * batch that writes the agreement so two agreements can never share a number; and the random
 * verification code printed on the PDF (64 bits, so codes cannot be guessed).
 */
export function numberAgreement(db: Db, recordId: string, schoolCode: string, cohort: number): Write[] {
  const key = `agreement:${schoolCode}:${cohort}`;
  return [
    sql`INSERT INTO counters (key, value) VALUES (${key}, 1) ON CONFLICT(key) DO UPDATE SET value = value + 1`,
    sql`UPDATE records SET number = (SELECT ${schoolCode + String(cohort)} || printf('%06d', value) FROM counters WHERE key = ${key}),
      verify_code = upper(hex(randomblob(8))) WHERE id = ${recordId}`,
  ];
}

/**
 * Student fields of an agreement: the reviewed identity from the approved source record, the
 * contact details from the one place the student keeps them (基本信息, the students row), and the
 * school's name.
 */
const FROM_SOURCE = [
  'name',
  'idNumber',
  'gender',
  'mobile',
  'email',
  'college',
  'major',
  'education',
  'originRegion',
  'studentNo',
  'cohort',
];

export async function studentPrefill(db: Db, student: StudentRow): Promise<Record<string, unknown>> {
  const [source, school] = await Promise.all([sourceRecordOf(db, student.id), findSchool(db, student.schoolId)]);
  const prefill: Record<string, unknown> = { schoolName: school?.name };
  for (const key of FROM_SOURCE) if (source?.data[key] !== undefined) prefill[key] = source.data[key];
  if (student.phone) prefill.mobile = student.phone;
  if (student.email) prefill.email = student.email;
  return prefill;
}

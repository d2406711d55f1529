import type { Actor } from '../../auth/actor';
import type { Write } from '../../db/batch';
import { hasChildInStates, insertChildRecord } from '../../db/child-records';
import type { Db } from '../../db/client';
import { abortUnlessChanged, findRecord, moveRecordWrite } from '../../db/records';
import type { RecordRow, StudentRow } from '../../db/schema';
import { findStudentRecord } from '../../db/student-records';
import { findSchool, sourceRecordOf } from '../../db/students';
import { badRequest, notFound } from '../../http/errors';
import type { FormVersion } from '../../form-registry/registry';
import { newId } from '../../lib/encoding';
import { auditWrites, NEW_RECORD, type AuditInput } from '../audit';
import { inScope } from '../scope';
import type { CreateFrom, Kind, TransitionContext } from '../types';
import { valueText } from '../../lib/value-text';
import { FROM_SOURCE } from '../source-prefill';

/** A form value as text ('' when empty). */
export const str = (v: unknown): string => valueText(v);

/** States in which an agreement binds the student (docs/architecture.md, the lifecycles: at most one at a time). */
export const ACTIVE_AGREEMENT_STATES = ['college_review', 'school_review', 'approved', 'returned'] as const;

export async function activeAgreementOf(db: Db, studentId: string) {
  return findStudentRecord(db, { studentId, kind: 'agreements', states: ACTIVE_AGREEMENT_STATES });
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

/** The agreement a new amendment or termination names in its body (`agreementId`); 400 with `missing` when it names none. */
export function agreementIdOf(body: Record<string, unknown>, missing: string): string {
  const agreementId = typeof body.agreementId === 'string' ? body.agreementId : '';
  if (!agreementId) throw badRequest('missing_field', missing, [{ path: 'agreementId', code: 'required', message: '必填' }]);
  return agreementId;
}

/** What a record started from an agreement takes from it: its student, school, college, employer and cohort, and the agreement as parent. */
export function agreementLinks(agreement: RecordRow) {
  return {
    studentId: agreement.studentId,
    schoolId: agreement.schoolId,
    collegeId: agreement.collegeId,
    employerId: agreement.employerId,
    cohort: agreement.cohort,
    parentId: agreement.id,
  };
}

/** How an amendment or termination moves its agreement on. */
export interface AgreementMove {
  /** the states the agreement must still be in (and at the version read) */
  from: readonly string[];
  to: string;
  action: string;
  reason: string;
  /** new terms, when the move brings them */
  data?: Record<string, unknown>;
}

/** The writes that move the agreement as read on, with its audit event; the batch aborts if it changed meanwhile. */
export async function moveAgreement(db: Db, agreement: RecordRow, move: AgreementMove, actor: Author, now: string): Promise<Write[]> {
  const { from, to, action, reason, data } = move;
  return [
    moveRecordWrite(db, agreement.id, { from, version: agreement.version, to, now, ...(data ? { set: { data } } : {}) }),
    abortUnlessChanged(db),
    ...(await auditWrites(db, {
      recordId: agreement.id,
      kind: 'agreements',
      action,
      fromState: agreement.state,
      toState: to,
      actor,
      reason,
      data: data ?? agreement.data,
      at: now,
      head: agreement.auditHead,
    })),
  ];
}

/**
 * Whether a record of `kind` in one of `states` was started from `parentId` (an open 解约, a 变更
 * waiting for the student): judged on the children the caller read with the parent where it did,
 * else asked of the database.
 */
export async function hasOpenChild(db: Db, parentId: string, kind: Kind, states: readonly string[], from?: CreateFrom): Promise<boolean> {
  const children = from?.record.id === parentId ? from.children : undefined;
  if (children) return children.some((c) => c.kind === kind && c.state !== null && states.includes(c.state));
  return hasChildInStates(db, parentId, kind, states);
}

/** Who writes what another record's transition opens or moves on. */
export type Author = AuditInput['actor'];

/** What the school's approval of an agreement (`record`, its `data` as approved) passes to the records it opens. */
export type AgreementApproval = Pick<TransitionContext, 'db' | 'record' | 'data' | 'actor' | 'now'>;

/** A record an approved agreement opens: its dispatch record, its 毕业去向登记. */
export interface OpenedChild {
  kind: Kind;
  /** the form version it is filled in */
  form: Pick<FormVersion, 'key' | 'version'>;
  state: string;
  data: Record<string, unknown>;
  /** the 'create' event's reason */
  reason: string;
}

/** The writes that open `child` under the agreement, with its 'create' event. */
export async function openChildRecord(db: Db, agreement: RecordRow, child: OpenedChild, actor: Author, now: string): Promise<Write[]> {
  const id = newId();
  const { kind, form, state, data, reason } = child;
  return [
    insertChildRecord(db, agreement, { id, kind, state, data, form, createdBy: actor.accountId, now }),
    ...(await auditWrites(db, {
      recordId: id,
      kind,
      action: 'create',
      fromState: null,
      toState: state,
      actor,
      reason,
      data,
      at: now,
      head: NEW_RECORD,
    })),
  ];
}

/**
 * Student fields of an agreement: the reviewed identity from the approved source record, the
 * contact details from the one place the student keeps them (基本信息, the students row), and the
 * school's name.
 */
export async function studentPrefill(db: Db, student: StudentRow): Promise<Record<string, unknown>> {
  const [source, school] = await Promise.all([sourceRecordOf(db, student.id), findSchool(db, student.schoolId)]);
  const prefill: Record<string, unknown> = { schoolName: school?.name };
  for (const key of FROM_SOURCE) if (source?.data[key] !== undefined) prefill[key] = source.data[key];
  if (student.phone) prefill.mobile = student.phone;
  if (student.email) prefill.email = student.email;
  return prefill;
}

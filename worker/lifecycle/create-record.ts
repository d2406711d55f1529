/** Creates a record where its lifecycle lets this actor create (POST /api/<kind>). */
import { validate } from '../../forms/engine';
import type { FieldError } from '../../forms/engine/types';
import { runBatchThenRead } from '../db/batch';
import type { Db } from '../db/client';
import { isAbortedByGuard, isUniqueViolation, recordWithTimelineRead, type RecordWithTimeline } from '../db/records';
import { records, type RecordRow } from '../db/schema';
import { badRequest, conflict, forbidden, invalid } from '../http/errors';
import { latestForm } from '../form-registry/registry';
import { newId } from '../lib/encoding';
import { auditWrites, NEW_RECORD } from './audit';
import { withCompanyFields } from './company-fields';
import type { Deps } from './execute-transition';
import { lifecycleOf } from './registry';
import { recordFileWrites } from './record-files';
import { notificationStatements } from './notifications/notification-statements';

/**
 * What a create would store, before anything is written: the links, the form and the validated
 * data with its company fields (the 线下签约 preview shows exactly this).
 */
export async function prepareCreateData(deps: Deps, kind: string, body: Record<string, unknown>) {
  const { db, actor, env } = deps;
  const lifecycle = lifecycleOf(kind);
  const create = lifecycle.create;
  if (!create || !create.roles.includes(actor.role)) throw forbidden('您不能创建此类记录');
  const incoming = Object.hasOwn(body, 'data') ? body.data : undefined;
  if (incoming !== undefined && incoming !== null && (typeof incoming !== 'object' || Array.isArray(incoming))) {
    throw badRequest('bad_field', '表单数据必须是对象', [{ path: 'data', code: 'type', message: '必须是对象' }]);
  }
  const now = new Date().toISOString();
  const links = await create.link({ db, env, actor, body, now });
  const form = await latestForm(db, lifecycle.form);
  const result = validate(form.definition, incoming ?? {}, { role: actor.role, step: create.step, previous: links.prefill ?? {}, draft: create.draft });
  if (!result.ok) {
    throw invalid('表单填写有误，请检查标红的字段', result.errors.map((e: FieldError) => ({ path: e.path, code: e.code, message: e.message })), 'validation');
  }
  const data = await withCompanyFields(db, lifecycle, links.employerId, result.values as Record<string, unknown>);
  return { lifecycle, create, links, form, data, now };
}

/** Creates the record and answers with it and its timeline as the batch left them. */
export async function createRecord(deps: Deps, kind: string, body: Record<string, unknown>): Promise<RecordWithTimeline> {
  const { db, actor, env } = deps;
  const { lifecycle, create, links, form, data, now } = await prepareCreateData(deps, kind, body);
  const row: RecordRow = {
    id: newId(),
    kind: lifecycle.kind,
    state: links.initialState ?? create.state,
    version: 1,
    data,
    formKey: form.key,
    formVersion: form.version,
    studentId: links.studentId,
    schoolId: links.schoolId,
    collegeId: links.collegeId,
    employerId: links.employerId,
    cohort: links.cohort,
    parentId: links.parentId ?? null,
    mode: links.mode ?? null,
    number: links.number ?? null,
    verifyCode: null,
    deadline: links.deadline ?? null,
    ...lifecycle.derive?.(data),
    createdBy: actor.accountId,
    createdAt: now,
    updatedAt: now,
    auditHead: null,
  };
  const ctx = { db, env, actor, record: row, data, reason: null, now };
  const files = await recordFileWrites(deps, form.definition, data, row.id);
  const statements = [
    db.insert(records).values(row),
    ...(await auditWrites(db, { recordId: row.id, kind: row.kind, action: 'create', fromState: null, toState: row.state, actor, reason: null, data, at: now, head: NEW_RECORD })),
    ...files,
    ...((await create.effects?.(ctx)) ?? []),
    ...notificationStatements(db, { action: 'create', label: create.label, from: null, to: row.state, record: row, actor, reason: null, now }),
  ];
  let created: RecordWithTimeline | undefined;
  try {
    // read back in the same batch: effects may have changed the new record (its number)
    created = await runBatchThenRead(db, statements, recordWithTimelineRead(db, row.id));
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('已存在冲突的记录，请刷新后重试', 'duplicate');
    // an effect's guard found what it relied on gone (a previewed number used by a racing create)
    if (isAbortedByGuard(err)) throw conflict('记录已变化，请刷新后重试', 'stale');
    throw err;
  }
  return created ?? { record: row, events: [] };
}

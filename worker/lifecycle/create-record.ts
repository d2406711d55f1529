/**
 * Creates a record where its lifecycle lets this actor create (POST /api/<kind>), through the same
 * pipeline as a transition (`pipeline/`): body check → link (the create's own guard) → validate →
 * one batch → conflict mapping.
 */
import { insertRecord, type RecordWithTimeline } from '../db/records';
import type { RecordRow } from '../db/schema';
import { conflict, forbidden } from '../http/errors';
import { latestForm } from '../form-registry/registry';
import { newId } from '../lib/encoding';
import { auditWrites, NEW_RECORD } from './audit';
import { incomingData, stepData } from './pipeline/form-data';
import { writeRecord } from './pipeline/write-record';
import { lifecycleOf } from './registry';
import type { Deps } from './types';
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
  const incoming = incomingData(body);
  const now = new Date().toISOString();
  const links = await create.link({ db, env, actor, body, now });
  const form = await latestForm(db, lifecycle.form);
  const data = await stepData(db, lifecycle, links.employerId, form.definition, incoming, {
    actor,
    step: create.step,
    previous: links.prefill ?? {},
    draft: create.draft,
  });
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
  // read back in the same batch: effects may have changed the new record (its number)
  const created = await writeRecord(deps, {
    ctx: { db, env, actor, record: row, data, reason: null, now },
    writes: async () => [
      insertRecord(db, row),
      ...(await auditWrites(db, {
        recordId: row.id,
        kind: row.kind,
        action: 'create',
        fromState: null,
        toState: row.state,
        actor,
        reason: null,
        data,
        at: now,
        head: NEW_RECORD,
      })),
    ],
    form: form.definition,
    effects: create.effects,
    notifications: () =>
      notificationStatements(db, {
        action: 'create',
        label: create.label,
        from: null,
        to: row.state,
        record: row,
        actor,
        reason: null,
        now,
      }),
    conflicts: {
      // an effect's guard found what it relied on gone (a previewed number used by a racing create)
      stale: () => conflict('记录已变化，请刷新后重试', 'stale'),
      duplicate: () => conflict('已存在冲突的记录，请刷新后重试', 'duplicate'),
    },
  });
  return created ?? { record: row, events: [] };
}

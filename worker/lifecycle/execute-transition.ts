/**
 * The one generic executor of transitions. It checks, in order: the action exists for the kind,
 * the record exists and the actor may see it, the version is current, the role may take the
 * action, the state allows it, the reason and data are valid — then writes the record, its audit
 * event and the transition's effects in one D1 batch guarded by state and version.
 */
import { validate } from '../../forms/engine';
import type { FieldError } from '../../forms/engine/types';
import type { Actor } from '../auth/actor';
import { runBatchThenRead, type Write } from '../db/batch';
import type { Db } from '../db/client';
import { abortUnlessChanged, guardedRecordUpdate, isAbortedByGuard, isUniqueViolation, recordWithTimelineRead, type RecordForChange, type RecordWithTimeline } from '../db/records';
import type { RecordRow } from '../db/schema';
import { badRequest, conflict, forbidden, invalid, notFound } from '../http/errors';
import { formAtVersion } from '../form-registry/registry';
import { auditEventOfUpdate } from './audit';
import { withCompanyFields } from './company-fields';
import { applyLapse } from './apply-lapse';
import { recordFileWrites } from './record-files';
import { readReason, rejectReasons } from './reject-reasons';
import { canRead } from './read-access';
import type { Kind, Lifecycle, Transition, TransitionContext } from './types';
import { lifecycleOf } from './registry';
import { notificationStatements } from './notifications/notification-statements';

export interface TransitionRequest {
  kind: Kind | string;
  id: string;
  action: string;
  body: Record<string, unknown>;
}

export interface Deps {
  db: Db;
  env: Env;
  actor: Actor;
}

export function applicableTransitions(lifecycle: Lifecycle, record: RecordRow, actor: Actor): Transition[] {
  return lifecycle.transitions.filter(
    (t) => t.by.includes(actor.role) && t.from.includes(record.state) && (!t.when || t.when(record, actor)),
  );
}

export async function validatedData(
  deps: Deps, record: Pick<RecordRow, 'formKey' | 'formVersion' | 'data'>, step: string, incoming: unknown, draft = false,
): Promise<Record<string, unknown>> {
  if (incoming !== undefined && incoming !== null && (typeof incoming !== 'object' || Array.isArray(incoming))) {
    throw badRequest('bad_field', '表单数据必须是对象', [{ path: 'data', code: 'type', message: '必须是对象' }]);
  }
  const form = await formAtVersion(deps.db, record.formKey, record.formVersion);
  const result = validate(form.definition, incoming ?? {}, { role: deps.actor.role, step, previous: record.data, draft });
  if (!result.ok) {
    throw invalid('表单填写有误，请检查标红的字段', result.errors.map((e: FieldError) => ({ path: e.path, code: e.code, message: e.message })), 'validation');
  }
  return result.values as Record<string, unknown>;
}

/**
 * Takes the transition and answers with the record and timeline as the batch left them.
 * `current`: the record as the route read it with the session (`recordForChangeRead`), in one round trip.
 */
export async function executeTransition(deps: Deps, req: TransitionRequest, current: RecordForChange | undefined): Promise<RecordWithTimeline> {
  const { db, actor } = deps;
  const lifecycle = lifecycleOf(req.kind);
  if (!lifecycle.transitions.some((t) => t.action === req.action)) throw notFound('不支持的操作');

  if (!current || current.record.id !== req.id || current.record.kind !== lifecycle.kind || !canRead(lifecycle, current.record, actor)) throw notFound();
  const record = await applyLapse(db, lifecycle, current.record);

  const version = req.body.version;
  if (typeof version !== 'number' || !Number.isSafeInteger(version)) {
    throw badRequest('bad_field', '缺少记录版本号 version', [{ path: 'version', code: 'type', message: '必须是整数' }]);
  }
  const mine = lifecycle.transitions.filter((t) => t.action === req.action && t.by.includes(actor.role));
  if (mine.length === 0) throw forbidden();
  const transition = applicableTransitions(lifecycle, record, actor).find((t) => t.action === req.action);
  if (!transition) {
    const label = lifecycle.states[record.state]?.label ?? record.state;
    throw conflict(`当前状态为「${label}」，不能执行此操作`, 'invalid_state');
  }
  if (version !== record.version) throw conflict();

  const reason = await readReason(transition, req.body, async () => (await rejectReasons(db, lifecycle)).reasons);
  const data = transition.step
    ? await withCompanyFields(db, lifecycle, record.employerId, await validatedData(deps, record, transition.step, req.body.data, transition.draft))
    : record.data;
  const now = new Date().toISOString();
  const ctx: TransitionContext = { db, env: deps.env, actor, record, data, reason, now };
  await transition.guard?.(ctx);
  const files = transition.step
    ? await recordFileWrites(deps, (await formAtVersion(db, record.formKey, record.formVersion)).definition, data, record.id)
    : [];

  const to = transition.to ?? record.state;
  const audit = await auditEventOfUpdate(db, { recordId: record.id, kind: record.kind, action: transition.action, fromState: record.state, toState: to, actor, reason, data, at: now, head: record.auditHead, preChain: current.preChain });
  const statements: Write[] = [
    guardedRecordUpdate(db, record, {
      state: to, version: record.version + 1, updatedAt: now, auditHead: audit.hash,
      // a transition without a form step leaves the data as it was
      ...(transition.step ? { data, ...lifecycle.derive?.(data) } : {}),
    }),
    abortUnlessChanged(db),
    audit.insert,
    ...files,
    ...((await transition.effects?.(ctx)) ?? []),
    ...notificationStatements(db, { action: transition.action, label: transition.label, from: record.state, to, record: { ...record, data }, actor, reason, now }),
  ];
  let updated: RecordWithTimeline | undefined;
  try {
    // read back in the same batch: the answer shows what the batch left, effects included
    updated = await runBatchThenRead(db, statements, recordWithTimelineRead(db, record.id));
  } catch (err) {
    if (isAbortedByGuard(err)) throw conflict();
    if (isUniqueViolation(err)) throw conflict('操作与其他记录冲突（例如已有生效的协议书），请刷新后重试', 'duplicate');
    throw err;
  }
  if (!updated) throw notFound();
  return updated;
}

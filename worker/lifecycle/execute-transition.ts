/**
 * The one generic executor of transitions. It checks, in order: the action exists for the kind,
 * the record exists and the actor may see it, the version is current, the role may take the
 * action, the state allows it, the reason and data are valid — then writes the record, its audit
 * event and the transition's effects in one D1 batch guarded by state and version. The data checks
 * and the write are the steps a create runs too (`pipeline/`).
 */
import type { Actor } from '../auth/actor';
import { abortUnlessChanged, guardedRecordUpdate, type RecordForChange, type RecordWithTimeline } from '../db/records';
import type { RecordRow } from '../db/schema';
import { conflict, forbidden, notFound } from '../http/errors';
import { formAtVersion } from '../form-registry/registry';
import { auditEventOfUpdate } from './audit';
import { applyLapse } from './apply-lapse';
import { incomingData, stepData } from './pipeline/form-data';
import { writeRecord } from './pipeline/write-record';
import { readReason, rejectReasons } from './reject-reasons';
import { canRead } from './read-access';
import type { Deps, Lifecycle, Transition } from './types';
import { lifecycleOf } from './registry';
import type * as v from 'valibot';
import type { TransitionBodySchema } from '../../contract/records';
import { notificationStatements } from './notifications/notification-statements';

export interface TransitionRequest {
  kind: string;
  id: string;
  action: string;
  /** the request body, checked against its contract schema */
  body: v.InferOutput<typeof TransitionBodySchema>;
}

export function applicableTransitions(lifecycle: Lifecycle, record: RecordRow, actor: Actor): Transition[] {
  return lifecycle.transitions.filter(
    (t) => t.by.includes(actor.role) && t.from.includes(record.state) && (!t.when || t.when(record, actor)),
  );
}

/**
 * Takes the transition and answers with the record and timeline as the batch left them.
 * `current`: the record as the route read it with the session (`recordForChangeRead`), in one round trip.
 */
export async function executeTransition(
  deps: Deps,
  req: TransitionRequest,
  current: RecordForChange | undefined,
): Promise<RecordWithTimeline> {
  const { db, actor } = deps;
  const lifecycle = lifecycleOf(req.kind);
  if (!lifecycle.transitions.some((t) => t.action === req.action)) throw notFound('不支持的操作');

  if (!current || current.record.id !== req.id || current.record.kind !== lifecycle.kind || !canRead(lifecycle, current.record, actor))
    throw notFound();
  const record = await applyLapse(db, lifecycle, current.record);

  const { version } = req.body;
  const mine = lifecycle.transitions.filter((t) => t.action === req.action && t.by.includes(actor.role));
  if (mine.length === 0) throw forbidden();
  const transition = applicableTransitions(lifecycle, record, actor).find((t) => t.action === req.action);
  if (!transition) {
    const label = lifecycle.states[record.state]?.label ?? record.state;
    throw conflict(`当前状态为「${label}」，不能执行此操作`, 'invalid_state');
  }
  if (version !== record.version) throw conflict();

  const reason = await readReason(transition, req.body, async () => (await rejectReasons(db, lifecycle)).reasons);
  const form = transition.step ? (await formAtVersion(db, record.formKey, record.formVersion)).definition : null;
  const data =
    transition.step && form
      ? await stepData(db, lifecycle, record.employerId, form, incomingData(req.body), {
          actor,
          step: transition.step,
          previous: record.data,
          draft: transition.draft,
        })
      : record.data;
  const now = new Date().toISOString();
  const to = transition.to ?? record.state;
  const updated = await writeRecord(deps, {
    ctx: { db, env: deps.env, actor, record, data, reason, now },
    guard: transition.guard,
    writes: async () => {
      const audit = await auditEventOfUpdate(db, {
        recordId: record.id,
        kind: record.kind,
        action: transition.action,
        fromState: record.state,
        toState: to,
        actor,
        reason,
        data,
        at: now,
        head: record.auditHead,
        preChain: current.preChain,
      });
      return [
        guardedRecordUpdate(db, record, {
          state: to,
          version: record.version + 1,
          updatedAt: now,
          auditHead: audit.hash,
          // a transition without a form step leaves the data as it was
          ...(transition.step ? { data, ...lifecycle.derive?.(data) } : {}),
        }),
        abortUnlessChanged(db),
        audit.insert,
      ];
    },
    form,
    effects: transition.effects,
    notifications: () =>
      notificationStatements(db, {
        action: transition.action,
        label: transition.label,
        from: record.state,
        to,
        record: { ...record, data },
        actor,
        reason,
        now,
      }),
    conflicts: {
      // the record moved on meanwhile (the guard on state and version matched nothing)
      stale: () => conflict(),
      duplicate: () => conflict('操作与其他记录冲突（例如已有生效的协议书），请刷新后重试', 'duplicate'),
    },
  });
  if (!updated) throw notFound();
  return updated;
}

/**
 * The one JSON shape of a record (DESIGN §7): data filtered to what the viewer may see, the
 * actions the viewer may take now, and the timeline of audit events.
 */
import { allFields, fieldAccess } from '../../forms/engine';
import type { FormDefinition } from '../../forms/engine/types';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import type { RecordWithTimeline } from '../db/records';
import { formAtVersion } from '../forms/registry';
import { disclose } from './disclosure';
import { applicableTransitions } from './execute-transition';
import { toneOf } from './labels';
import { inScope } from './scope';
import type { Lifecycle } from './types';

/** Fields a role may see in at least one workflow step; everything else never leaves the server. */
export function readableData(definition: FormDefinition, data: Record<string, unknown>, actor: Actor): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const steps = definition.workflow.map((w) => w.key);
  for (const field of allFields(definition)) {
    if (!Object.hasOwn(data, field.key)) continue;
    if (steps.some((step) => fieldAccess(definition, field.key, actor.role, step) !== 'hidden')) out[field.key] = data[field.key];
  }
  return out;
}

/** Actions that are not transitions of the table: creation, import, time and other records. */
const OTHER_ACTIONS: Record<string, string> = { import: '学校导入', expire: '逾期未应约', amend: '按修改协议更新' };

export function actionLabel(lifecycle: Lifecycle, action: string): string {
  if (action === 'create') return lifecycle.create?.label ?? '创建';
  return lifecycle.transitions.find((t) => t.action === action)?.label ?? OTHER_ACTIONS[action] ?? action;
}

/**
 * What changed since the record was first written (e.g. the student's corrections against the
 * school's import), over the fields this viewer may read.
 */
export function changesSinceFirst(definition: FormDefinition, first: string | null | undefined, current: Record<string, unknown>) {
  if (!first) return [];
  let before: Record<string, unknown>;
  try { before = JSON.parse(first) as Record<string, unknown>; } catch { return []; }
  const out: Array<{ key: string; label: string; before: unknown; after: unknown }> = [];
  for (const field of allFields(definition)) {
    if (!Object.hasOwn(current, field.key) && !Object.hasOwn(before, field.key)) continue;
    const a = Object.hasOwn(before, field.key) ? before[field.key] : null;
    const b = Object.hasOwn(current, field.key) ? current[field.key] : null;
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ key: field.key, label: field.label, before: a, after: b });
  }
  return out;
}

/** `events` is the record's timeline in id order, read with the record (see `recordWithTimelineRead`). */
export async function recordView(db: Db, lifecycle: Lifecycle, { record, events }: RecordWithTimeline, actor: Actor, labels?: Record<string, string>) {
  const form = await formAtVersion(db, record.formKey, record.formVersion);
  const stateLabel = (s: string | null) => (s ? labels?.[s] ?? lifecycle.states[s]?.label ?? s : null);
  const actions = inScope(actor, record) ? applicableTransitions(lifecycle, record, actor) : [];
  const shown = (values: Record<string, unknown>) => disclose(lifecycle, form.definition, readableData(form.definition, values, actor), actor.role, record.state);
  const data = shown(record.data);
  const firstSnapshot = events[0]?.snapshot ? shown(JSON.parse(events[0].snapshot)) : null;
  return {
    id: record.id,
    kind: record.kind,
    state: record.state,
    stateLabel: stateLabel(record.state),
    stateTone: toneOf(lifecycle, record.state),
    version: record.version,
    number: record.number,
    mode: record.mode,
    deadline: record.deadline,
    // whose record it is: the reviewer's 重置密码 names the student (or the centre the employer) by it
    studentId: record.studentId,
    employerId: record.employerId,
    data,
    changes: firstSnapshot ? changesSinceFirst(form.definition, JSON.stringify(firstSnapshot), data) : [],
    form: { key: form.key, version: form.version },
    step: actions.find((a) => a.step)?.step ?? null,
    actions: actions.map((a) => ({
      name: a.action,
      label: a.label,
      needsReason: Boolean(a.needsReason),
      draft: Boolean(a.draft),
      step: a.step ?? null,
      confirm: a.confirm ?? null,
      style: a.style ?? 'default',
    })),
    timeline: events.map((e) => ({
      id: e.id,
      at: e.at,
      actorName: e.actorName,
      role: e.actorRole,
      action: e.action,
      actionLabel: actionLabel(lifecycle, e.action),
      from: e.fromState,
      fromLabel: stateLabel(e.fromState),
      to: e.toState,
      toLabel: stateLabel(e.toState),
      reason: e.reason,
    })),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export type RecordView = Awaited<ReturnType<typeof recordView>>;

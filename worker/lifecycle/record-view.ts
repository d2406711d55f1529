/**
 * The one JSON shape of a record (docs/architecture.md, the HTTP API): data filtered to what the viewer may see, the
 * actions the viewer may take now, and the timeline of audit events.
 */
import { allFields, fieldAccess } from '../../forms/engine';
import type { FormDefinition } from '../../forms/engine/types';
import type { Actor } from '../auth/actor';
import type { RecordWithTimeline } from '../db/records';
import { formAtVersion } from '../form-registry/registry';
import { disclose } from './disclosure';
import { applicableTransitions } from './execute-transition';
import { changesByOthers, parseSnapshot } from './changes-by-others';
import { waitingStates } from './next-waiting';
import { offersReasons, rejectReasons } from './reject-reasons';
import { toneOf } from './labels';
import { inScope } from './scope';
import { timelineEntry } from './timeline';
import { schoolProfilePrefill } from './school-profile-fields';
import { creatableFrom } from './create-availability';
import type { Deps, Lifecycle } from './types';

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

/**
 * The fields whose value differs between `before` and `current` (both as this viewer may read them):
 * a student's corrections against the school's import, what an employer changed in an invitation.
 * A missing or undefined value counts as null.
 */
export function changedFields(definition: FormDefinition, before: Record<string, unknown>, current: Record<string, unknown>) {
  const valueOf = (values: Record<string, unknown>, key: string) => (Object.hasOwn(values, key) ? (values[key] ?? null) : null);
  const out: Array<{ key: string; label: string; before: unknown; after: unknown }> = [];
  for (const field of allFields(definition)) {
    const a = valueOf(before, field.key);
    const b = valueOf(current, field.key);
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ key: field.key, label: field.label, before: a, after: b });
  }
  return out;
}

const REVIEWERS: ReadonlySet<string> = new Set(['college', 'school', 'province', 'center', 'admin']);
/** reviewers who work through queues: after an action that leaves them nothing to do, the web opens the next record */
const QUEUE_WORKERS: ReadonlySet<string> = new Set(['college', 'school', 'province', 'center']);

/** How the web shows the 变更 box: prominent for a reviewer, plain for a party who sees corrections, else not at all. */
function changesBoxFor(lifecycle: Lifecycle, actor: Actor): 'review' | 'corrections' | null {
  if (REVIEWERS.has(actor.role)) return 'review';
  return lifecycle.showsCorrectionsToParties ? 'corrections' : null;
}

/**
 * A reviewer's 「变更」 box: what other parties changed since the reviewer's role last acted, not the
 * fields of the reviewer's own step. Everyone else: what changed since the record was first written
 * (a student's corrections against the school's import).
 */
function reviewerChanges(
  lifecycle: Lifecycle,
  definition: FormDefinition,
  events: RecordWithTimeline['events'],
  data: Record<string, unknown>,
  actor: Actor,
  step: string | null,
  shown: (values: Record<string, unknown>) => Record<string, unknown>,
): {
  changes: Array<{ key: string; label: string; before: unknown; after: unknown; by?: string[] }>;
  since: { at: string; own: boolean } | null;
} {
  if (!REVIEWERS.has(actor.role)) {
    const first = parseSnapshot(events[0]?.snapshot);
    return { changes: first ? changedFields(definition, shown(first), data) : [], since: null };
  }
  const routine = new Set(
    step
      ? allFields(definition)
          .filter((f) => fieldAccess(definition, f.key, actor.role, step) === 'edit')
          .map((f) => f.key)
      : [],
  );
  const arrivals = new Set(waitingStates(lifecycle, actor));
  const result = changesByOthers(
    definition,
    events.map((e) => ({ actorRole: e.actorRole, toState: e.toState, snapshot: e.snapshot, at: e.at })),
    data,
    actor.role,
    routine,
    shown,
    arrivals,
  );
  return { changes: result.changes, since: result.since ? { at: result.since, own: result.sinceOwn } : null };
}

/** `events` is the record's timeline in id order, read with the record (see `recordWithTimelineRead`). */
export async function recordView(
  deps: Deps,
  lifecycle: Lifecycle,
  { record, events, children }: RecordWithTimeline,
  labels?: Record<string, string>,
) {
  const { db, actor } = deps;
  const form = await formAtVersion(db, record.formKey, record.formVersion);
  const stateLabel = (s: string | null) => (s ? (labels?.[s] ?? lifecycle.states[s]?.label ?? s) : null);
  const actions = inScope(actor, record) ? applicableTransitions(lifecycle, record, actor) : [];
  const shown = (values: Record<string, unknown>) =>
    disclose(lifecycle, form.definition, readableData(form.definition, values, actor), actor.role, record.state);
  const data = shown(record.data);
  // the list of reasons to pick is read only when a reject is on offer
  const reasons = actions.some(offersReasons) ? (await rejectReasons(db, lifecycle)).reasons : [];
  const step = actions.find((a) => a.step)?.step ?? null;
  const changes = reviewerChanges(lifecycle, form.definition, events, data, actor, step, shown);
  // records the viewer may start from this one now (变更, 解约), decided by those creates' own checks
  const creatable = inScope(actor, record) ? await creatableFrom(deps, { record, children }) : [];
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
    // a destination's 变更截止 (the cohort's setting), for the student to see before it passes
    ...(lifecycle.changeDeadline && record.cohort ? { changeDeadline: await lifecycle.changeDeadline(db, record.cohort) } : {}),
    // whose record it is: the reviewer's 重置密码 names the student (or the centre the employer) by it
    studentId: record.studentId,
    employerId: record.employerId,
    data,
    changes: changes.changes,
    // reviewers: since when the changes are counted (their own last action, else the first version)
    changesSince: changes.since,
    changesBox: changesBoxFor(lifecycle, actor),
    advancesQueue: QUEUE_WORKERS.has(actor.role),
    form: { key: form.key, version: form.version },
    step,
    // values the form of `step` opens with where the record is still empty (the school's 学校信息)
    prefill: await schoolProfilePrefill(db, lifecycle, record, actor, step),
    actions: actions.map((a) => ({
      name: a.action,
      label: a.label,
      needsReason: Boolean(a.needsReason),
      // common reasons to pick (退回/驳回), besides free text
      ...(offersReasons(a) ? { reasons } : {}),
      draft: Boolean(a.draft),
      // changes the data and keeps the state (修改邀约 of a sent invitation): the record reads as it is until the user chooses it
      inPlace: !a.to,
      step: a.step ?? null,
      confirm: a.confirm ?? null,
      style: a.style ?? 'default',
    })),
    creatable,
    timeline: events.map((e) => timelineEntry(lifecycle, record, e, stateLabel)),
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
  };
}

export type RecordView = Awaited<ReturnType<typeof recordView>>;

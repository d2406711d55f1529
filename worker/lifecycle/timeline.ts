/**
 * 办理记录: each audit event of a record named by the step that wrote it, as its lifecycle table
 * labels that step (学院审核通过, 学校审核通过, 中心审核通过, 学生接受邀约 …), with who took it, in
 * Chinese. A reason is what a person typed with a transition of the table (a reject, return or
 * decline); the text other code stores with its events (学生应约，生成协议书) is a neutral note.
 */
import { ROLE_LABELS as ROLES_AS_READ, type Role } from '../../forms/engine/types';
import type { AuditEventRow, RecordRow } from '../db/schema';
import type { EventFacts, Lifecycle, Transition } from './types';

/** The roles as read, and the scheduled run's own events (an invitation lapsing) as 系统. */
export const ROLE_LABELS: Readonly<Record<Role | 'system', string>> = { ...ROLES_AS_READ, system: '系统' };

export const roleLabel = (role: string | null): string | null =>
  role === null ? null : Object.hasOwn(ROLE_LABELS, role) ? ROLE_LABELS[role as Role] : role;

const leadsTo = (t: Transition, e: EventFacts) => (t.to ?? e.fromState) === e.toState;
const takenFrom = (t: Transition, e: EventFacts) => e.fromState !== null && t.from.includes(e.fromState);
const takenBy = (t: Transition, e: EventFacts) => e.actorRole !== null && (t.by as string[]).includes(e.actorRole);

/**
 * The transition of the table that wrote the event: same action, from a state it leaves, to the
 * state it leads to, by a role it allows (one at most — `timeline.test.ts` checks every table).
 * An event from before the table last changed falls back to the nearest one of the same action.
 */
export function transitionOfEvent(lifecycle: Lifecycle, e: EventFacts): Transition | undefined {
  const same = lifecycle.transitions.filter((t) => t.action === e.action);
  return (
    same.find((t) => takenFrom(t, e) && leadsTo(t, e) && takenBy(t, e)) ??
    same.find((t) => takenFrom(t, e) && takenBy(t, e)) ??
    same.find((t) => takenBy(t, e)) ??
    same[0]
  );
}

export interface EventName {
  label: string;
  /** a transition of the table wrote it, so its text is what the person gave (a reason) */
  byPerson: boolean;
}

/** What the timeline calls an event, from the lifecycle table. */
export function nameOfEvent(lifecycle: Lifecycle, record: RecordRow, e: EventFacts): EventName {
  const transition = transitionOfEvent(lifecycle, e);
  if (transition) return { label: transition.label, byPerson: true };
  const recorded = lifecycle.events?.find((r) => r.action === e.action && (!r.when || r.when(record, e)));
  if (recorded) return { label: recorded.label, byPerson: false };
  if (lifecycle.lapse?.action === e.action) return { label: lifecycle.lapse.label, byPerson: false };
  if (e.action === 'create' && lifecycle.create) return { label: lifecycle.create.label, byPerson: false };
  return { label: e.action === 'create' ? '创建' : e.action, byPerson: false };
}

/** One entry of a record's timeline as the API answers it (fields before `label` as always served). */
export function timelineEntry(lifecycle: Lifecycle, record: RecordRow, e: AuditEventRow, stateLabel: (s: string | null) => string | null) {
  const { label, byPerson } = nameOfEvent(lifecycle, record, e);
  return {
    id: e.id,
    at: e.at,
    actorName: e.actorName,
    role: e.actorRole,
    action: e.action,
    /** the step's label; same as `label` (kept for earlier clients) */
    actionLabel: label,
    from: e.fromState,
    fromLabel: stateLabel(e.fromState),
    to: e.toState,
    toLabel: stateLabel(e.toState),
    /** the reason a person gave (reject, return, decline); null for everything else */
    reason: byPerson ? e.reason : null,
    label,
    actorRoleLabel: roleLabel(e.actorRole),
    /** what the system wrote with an event it made (学生应约，生成协议书): to show as a note, not a reason */
    note: byPerson ? null : e.reason,
  };
}

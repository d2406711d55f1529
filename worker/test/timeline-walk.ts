/**
 * Walks a lifecycle through the real API, one transition of its table at a time, and checks the
 * 办理记录 entry each step leaves: the label the table gives that transition, the actor's role in
 * Chinese, and a reason only where the person gave one. At the end, every transition of the table
 * must have been taken.
 */
import { expect } from 'vitest';
import type { Role } from '../../forms/engine/types';
import { ROLE_LABELS } from '../lifecycle/timeline';
import type { Lifecycle, RecordedEvent, Transition } from '../lifecycle/types';
import type { TestClient } from './client';

/** A record as the API answers it, as far as the walk needs it. */
export interface Seen {
  id: string;
  state: string;
  version: number;
  data: Record<string, unknown>;
  timeline: TimelineEntry[];
}

export interface TimelineEntry {
  action: string;
  from: string | null;
  to: string | null;
  role: string | null;
  actorName: string | null;
  label: string;
  actionLabel: string;
  actorRoleLabel: string | null;
  reason: string | null;
  note: string | null;
}

export interface Actor {
  client: TestClient;
  role: Role;
}

export class TimelineWalk {
  private readonly taken = new Set<Transition>();

  constructor(readonly lifecycle: Lifecycle) {}

  /** The one transition of the table with this action, from this state, by this role (and to `to`, where two differ only there). */
  transition(action: string, from: string, role: Role, to?: string): Transition {
    const found = this.lifecycle.transitions.filter(
      (t) => t.action === action && t.from.includes(from) && t.by.includes(role) && (to === undefined || (t.to ?? from) === to),
    );
    if (found.length !== 1)
      throw new Error(`${this.lifecycle.kind}: ${found.length} transitions ${action} from ${from} by ${role}${to ? ` to ${to}` : ''}`);
    return found[0]!;
  }

  /**
   * `who` takes `action` on the record as last seen; the answer's last timeline entry must name
   * that transition as the table labels it.
   */
  async take(
    who: Actor,
    record: Seen,
    action: string,
    body: { data?: Record<string, unknown>; reason?: string } = {},
    to?: string,
  ): Promise<Seen> {
    const t = this.transition(action, record.state, who.role, to);
    const res = await who.client.post(`/api/${this.lifecycle.kind}/${record.id}/${action}`, { version: record.version, ...body });
    if (res.status !== 200) throw new Error(`${this.lifecycle.kind} ${action} by ${who.role}: ${res.status} ${JSON.stringify(res.body)}`);
    const seen = res.body as Seen;
    expect(seen.state).toBe(t.to ?? record.state);
    expect(seen.timeline.at(-1), `${t.label} (${action} from ${record.state} by ${who.role})`).toMatchObject({
      action,
      from: record.state,
      to: t.to ?? record.state,
      role: who.role,
      label: t.label,
      actionLabel: t.label,
      actorRoleLabel: ROLE_LABELS[who.role],
      reason: body.reason ?? null,
      note: null,
    });
    this.taken.add(t);
    return seen;
  }

  /** Every transition of the table was taken at least once. */
  expectEveryTransitionTaken() {
    const missed = this.lifecycle.transitions
      .filter((t) => !this.taken.has(t))
      .map((t) => `${t.label} (${t.action} from ${t.from.join('/')} by ${t.by.join('/')})`);
    expect(missed).toEqual([]);
  }

  /** The table's label for an event other code writes onto these records (its `events`). */
  recorded(action: string, pick: (e: RecordedEvent) => boolean = () => true): string {
    const found = (this.lifecycle.events ?? []).filter((e) => e.action === action && pick(e));
    if (found.length === 0) throw new Error(`${this.lifecycle.kind}: no recorded event ${action}`);
    return found[0]!.label;
  }
}

/** Checks an entry written by the system or another record: its label, actor role, and its text as a note, never a reason. */
export function expectNoteEntry(
  entry: TimelineEntry | undefined,
  expected: { action: string; label: string; role: string; note?: string | null },
) {
  expect(entry).toMatchObject({
    action: expected.action,
    label: expected.label,
    actionLabel: expected.label,
    role: expected.role,
    actorRoleLabel: (ROLE_LABELS as Record<string, string>)[expected.role],
    reason: null,
    ...(expected.note !== undefined ? { note: expected.note } : {}),
  });
}

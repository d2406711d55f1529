/**
 * The timeline tells transitions apart by what an audit event records (action, from, to, role):
 * every table must keep them distinguishable, and keep the actions other code writes (its recorded
 * events, its lapse) apart from its transitions, whose text is a person's reason.
 */
import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from './registry';
import { nameOfEvent, ROLE_LABELS, transitionOfEvent } from './timeline';
import type { Lifecycle } from './types';
import type { RecordRow } from '../db/schema';

const tables = Object.values<Lifecycle>(LIFECYCLES);
const anyRecord = { mode: 'offline', data: {} } as unknown as RecordRow;

describe('timeline labels come from the lifecycle tables', () => {
  it.each(tables.map((l) => [l.kind, l] as const))(
    '%s: each transition is named by its own label, from every state it leaves, for every role that takes it',
    (_kind, lifecycle) => {
      for (const t of lifecycle.transitions) {
        for (const from of t.from) {
          for (const role of t.by) {
            const facts = { action: t.action, fromState: from, toState: t.to ?? from, actorRole: role };
            expect(transitionOfEvent(lifecycle, facts), `${t.label} from ${from} by ${role}`).toBe(t);
            expect(nameOfEvent(lifecycle, anyRecord, facts)).toEqual({ label: t.label, byPerson: true });
            expect(ROLE_LABELS[role]).toBeTruthy();
          }
        }
      }
    },
  );

  it.each(tables.map((l) => [l.kind, l] as const))('%s: what other code writes is never mistaken for a transition', (_kind, lifecycle) => {
    const actions = new Set(lifecycle.transitions.map((t) => t.action));
    const written = [...(lifecycle.events ?? []).map((e) => e.action), ...(lifecycle.lapse ? [lifecycle.lapse.action] : []), 'create'];
    expect(written.filter((a) => actions.has(a))).toEqual([]);
  });

  it('the approvals of one record read as different steps', () => {
    const dispatches = LIFECYCLES.dispatches!;
    const approvals = ['college_review', 'school_review', 'center_review'].map(
      (from, i) =>
        nameOfEvent(dispatches, anyRecord, {
          action: 'approve',
          fromState: from,
          toState: ['school_review', 'center_review', 'approved'][i]!,
          actorRole: ['college', 'school', 'center'][i]!,
        }).label,
    );
    expect(approvals).toEqual(['学院审核通过', '学校审核通过', '中心审核通过']);
  });
});

/**
 * One page of a record list (GET /api/<kind>): the records of this kind in the actor's scope that
 * match the filters, without the states the actor's role never sees, newest first, each as its
 * summary row with the state shown as it is today (a lapsed invitation reads lapsed at once).
 */
import { listRecords } from '../db/records';
import type { RecordRow } from '../db/schema';
import { beijingToday } from '../lib/dates';
import { labelsFor, toneOf } from './labels';
import type { ListFilters } from './list-query';
import { stateShownTo } from './read-access';
import { scopeCondition } from './scope';
import type { Deps, Lifecycle } from './types';

/** Lists show a lapsed record as lapsed at once; the write happens when it is opened or swept. */
function shownState(lifecycle: Lifecycle, r: RecordRow, labels: Record<string, string>, today: string) {
  const lapse = lifecycle.lapse;
  const state = lapse && lapse.from.includes(r.state) && lapse.when(r, today) ? lapse.to : r.state;
  return { state, stateLabel: labels[state] ?? state, stateTone: toneOf(lifecycle, state) };
}

export async function listRecordPage({ db, env, actor }: Deps, lifecycle: Lifecycle, q: ListFilters) {
  const hiddenStates = Object.keys(lifecycle.states).filter((state) => !stateShownTo(lifecycle, state, actor.role));
  const states = (q.states ?? Object.keys(lifecycle.states)).filter((s) => !hiddenStates.includes(s));
  const rows =
    states.length === 0
      ? []
      : await listRecords(db, {
          kind: lifecycle.kind,
          scope: scopeCondition(actor),
          states: q.states || hiddenStates.length ? states : undefined,
          cohort: q.cohort,
          schoolId: q.schoolId,
          collegeId: q.collegeId,
          q: q.q,
          cursor: q.cursor,
          limit: q.limit + 1,
        });
  const page = rows.slice(0, q.limit);
  const labels = labelsFor(env, lifecycle);
  const today = beijingToday();
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      ...shownState(lifecycle, r, labels, today),
      version: r.version,
      ...lifecycle.summary(r, actor, r.studentName ? { name: r.studentName, idNumber: r.studentIdNumber ?? '' } : null),
      number: r.number,
      cohort: r.cohort,
      updatedAt: r.updatedAt,
    })),
    nextCursor: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

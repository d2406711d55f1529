/**
 * The next record of a queue waiting for the actor: after approving or rejecting one, the reviewer
 * goes on to the next of the same kind and filters, in the queue's order (newest first), after the
 * one just handled; past the end it starts again from the top. "Waiting" means the actor may move
 * it on now (a transition of the actor's role leaves its state).
 */
import type { SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/client';
import { listRecords } from '../db/records';
import type { RecordRow } from '../db/schema';
import { applicableTransitions } from './execute-transition';
import { stateShownTo } from './read-access';
import type { Lifecycle } from './types';

export interface QueueFilters {
  states?: string[];
  cohort?: number;
  schoolId?: string;
  collegeId?: string;
  q?: string;
}

/** How many candidates one read looks at; a queue's waiting states rarely hold one the actor cannot move. */
const PEEK = 10;

/** States in which the role has a transition that moves a record on (not a save, not another party's). */
export function waitingStates(lifecycle: Lifecycle, actor: Pick<Actor, 'role'>, queueStates?: string[]): string[] {
  const moving = new Set(
    lifecycle.transitions
      .filter((t) => t.by.includes(actor.role) && t.to !== undefined && !t.draft)
      .flatMap((t) => t.from.filter((s) => s !== t.to)),
  );
  return Object.keys(lifecycle.states).filter(
    (s) => moving.has(s) && stateShownTo(lifecycle, s, actor.role) && (!queueStates || queueStates.includes(s)),
  );
}

const waitsFor = (lifecycle: Lifecycle, actor: Actor) => (r: RecordRow) =>
  applicableTransitions(lifecycle, r, actor).some((t) => t.to !== undefined && t.to !== r.state && !t.draft);

export async function nextWaiting(
  db: Db,
  lifecycle: Lifecycle,
  actor: Actor,
  scope: SQL | undefined,
  filters: QueueFilters,
  after?: string,
): Promise<string | null> {
  const states = waitingStates(lifecycle, actor, filters.states);
  if (states.length === 0) return null;
  const read = (cursor?: string) => listRecords(db, { kind: lifecycle.kind, scope, ...filters, states, cursor, limit: PEEK });
  const waiting = waitsFor(lifecycle, actor);
  const below = (await read(after)).find(waiting);
  if (below || !after) return below?.id ?? null;
  // past the end of the queue: the ones above the handled record (skipped, or arrived meanwhile)
  const above = (await read()).find((r) => r.id !== after && waiting(r));
  return above?.id ?? null;
}

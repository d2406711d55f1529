import type { Actor } from '../auth/actor';
import type { RecordRow } from '../db/schema';
import { inScope } from './scope';
import type { Role } from '../../forms/engine/types';
import type { Lifecycle } from './types';

/** Whether a role is ever shown records in this state (an employer's draft invitations are its own). */
export function stateShownTo(lifecycle: Lifecycle, state: string, role: Role): boolean {
  const visibleTo = lifecycle.states[state]?.visibleTo;
  return !visibleTo || visibleTo.includes(role);
}

/** A reader of the lifecycle, in scope, and the record's state is shown to that role. */
export function canRead(lifecycle: Lifecycle, record: RecordRow, actor: Actor): boolean {
  if (!lifecycle.readers.includes(actor.role)) return false;
  if (!stateShownTo(lifecycle, record.state, actor.role)) return false;
  return inScope(actor, record);
}

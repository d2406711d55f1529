import type { Actor } from '../auth/actor';
import type { RecordRow } from '../db/schema';
import { inScope } from './scope';
import type { Lifecycle } from './types';

/** A reader of the lifecycle, in scope, and the record's state is shown to that role. */
export function canRead(lifecycle: Lifecycle, record: RecordRow, actor: Actor): boolean {
  if (!lifecycle.readers.includes(actor.role)) return false;
  const visibleTo = lifecycle.states[record.state]?.visibleTo;
  if (visibleTo && !visibleTo.includes(actor.role)) return false;
  return inScope(actor, record);
}

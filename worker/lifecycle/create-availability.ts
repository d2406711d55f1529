/**
 * Whether the actor can start a record of this kind now, asked of the same checks a create runs:
 * a form entry runs the lifecycle's `link` with the entry's links (read-only, as GET /new does),
 * a lookup entry its `ready`. The answer's reason is the refusal the create would give, so the
 * web shows 新建 only where the server would accept it, and says why where it would not.
 */
import { AppError } from '../http/errors';
import type { Deps } from './execute-transition';
import type { CreateEntry, Lifecycle } from './types';

export type CreateAvailability =
  | { entry: CreateEntry; available: true }
  | { entry: CreateEntry; available: false; code: string; reason: string };

/** null when the actor's role never creates this kind. */
export async function createAvailability(deps: Deps, lifecycle: Lifecycle): Promise<CreateAvailability | null> {
  const create = lifecycle.create;
  if (!create || !create.roles.includes(deps.actor.role)) return null;
  const { entry } = create;
  try {
    if (entry.from === 'form') await create.link({ ...deps, body: { ...entry.links }, now: new Date().toISOString() });
    if (entry.from === 'lookup') create.ready?.(deps.actor);
    return { entry, available: true };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { entry, available: false, code: err.code, reason: err.message };
  }
}

/**
 * Whether the actor can start a record of this kind now, asked of the same checks a create runs:
 * a form entry runs the lifecycle's `link` with the entry's links (read-only, as GET /new does),
 * a lookup entry its `ready`, a record entry its `link` with the id of the record it starts from.
 * The answer's reason is the refusal the create would give, so the web shows 新建 (or 申请解约 on an
 * agreement) only where the server would accept it, and says why where it would not.
 */
import { AppError } from '../http/errors';
import { LIFECYCLES } from './registry';
import type { CreateEntry, CreateFrom, Deps, Kind, Lifecycle } from './types';

export type CreateAvailability =
  | { entry: CreateEntry; available: true }
  | { entry: CreateEntry; available: false; code: string; reason: string };

/**
 * null when the actor's role never creates this kind. `from`: the record a record entry would start
 * from, as the caller has just read it (the checks judge it without reading it again); without it a
 * record entry is only said to exist (the page of that record asks with it).
 */
export async function createAvailability(deps: Deps, lifecycle: Lifecycle, from?: CreateFrom): Promise<CreateAvailability | null> {
  const create = lifecycle.create;
  if (!create || !create.roles.includes(deps.actor.role)) return null;
  const { entry } = create;
  const link = (body: Record<string, unknown>) => create.link({ ...deps, body, now: new Date().toISOString(), from });
  try {
    if (entry.from === 'form') await link({ ...entry.links });
    if (entry.from === 'lookup') create.ready?.(deps.actor);
    if (entry.from === 'record' && from && create.offeredOn) await link({ [create.offeredOn.param]: from.record.id });
    return { entry, available: true };
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { entry, available: false, code: err.code, reason: err.message };
  }
}

/** A record started from this one that the actor may start now (变更, 解约 on an agreement). */
export interface CreatableFrom {
  kind: Kind;
  label: string;
  /** the query of its create page (GET /api/<kind>/new) and the body of its POST */
  links: Record<string, string>;
}

/** What this record's page offers to start from it: exactly the creates the server would accept now. */
export async function creatableFrom(deps: Deps, from: CreateFrom): Promise<CreatableFrom[]> {
  const { record } = from;
  const candidates = Object.values(LIFECYCLES).flatMap((lc) => {
    const create = lc.create;
    const on = create?.offeredOn;
    return create && on?.kind === record.kind && create.roles.includes(deps.actor.role) ? [{ lc, on }] : [];
  });
  const answers = await Promise.all(
    candidates.map(async ({ lc, on }) => ({ lc, on, availability: await createAvailability(deps, lc, from) })),
  );
  return answers
    .filter(({ availability }) => availability?.available)
    .map(({ lc, on }) => ({ kind: lc.kind, label: on.label, links: { [on.param]: record.id } }));
}

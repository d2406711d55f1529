/**
 * GET /api/<kind>/new?<links>: what a create would start from — the form version, the step the
 * creator fills and the server's prefill — so the create page opens exactly as the server will
 * validate it, and a refusal (no active agreement, one already open…) shows before any typing.
 */
import { forbidden } from '../http/errors';
import { latestForm } from '../form-registry/registry';
import type { Deps } from './types';
import { BEFORE_CREATE, disclose } from './disclosure';
import { lifecycleOf } from './registry';

export interface PreparedCreate {
  kind: string;
  form: { key: string; version: number };
  step: string;
  draft: boolean;
  data: Record<string, unknown>;
  changeDeadline?: string;
}

export async function prepareCreate(deps: Deps, kind: string, links: Record<string, string>): Promise<PreparedCreate> {
  const { db, env, actor } = deps;
  const lifecycle = lifecycleOf(kind);
  const create = lifecycle.create;
  if (!create || !create.roles.includes(actor.role)) throw forbidden('您不能创建此类记录');
  const prepared = await create.link({ db, env, actor, body: links, now: new Date().toISOString() });
  const form = await latestForm(db, lifecycle.form);
  return {
    kind: lifecycle.kind,
    form: { key: form.key, version: form.version },
    step: create.step,
    draft: Boolean(create.draft),
    data: disclose(lifecycle, form.definition, prepared.prefill ?? {}, actor.role, BEFORE_CREATE),
    // a destination's 变更截止, said before the student registers
    ...(lifecycle.changeDeadline && prepared.cohort ? { changeDeadline: await lifecycle.changeDeadline(db, prepared.cohort) } : {}),
  };
}

/** GET /api/lifecycles: kinds, their state labels and who may create — so the web app stays generic. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { labelsFor } from '../lifecycle/labels';
import { stateShownTo } from '../lifecycle/read-access';
import { LIFECYCLES } from '../lifecycle/registry';
import { requireActor } from '../middleware/require-actor';

export const lifecycleRoutes = new Hono<AppEnv>().get('/lifecycles', async (c) => {
  const actor = await requireActor(c, { allowInitialPassword: true });
  const out: Record<string, unknown> = {};
  for (const lifecycle of Object.values(LIFECYCLES)) {
    if (!lifecycle || !lifecycle.readers.includes(actor.role)) continue;
    out[lifecycle.kind] = {
      label: lifecycle.label,
      form: lifecycle.form,
      // states this role never sees (an employer's draft invitations) are not offered as filters
      states: Object.fromEntries(Object.entries(labelsFor(c.env, lifecycle)).filter(([state]) => stateShownTo(lifecycle, state, actor.role))),
      create: lifecycle.create && lifecycle.create.roles.includes(actor.role) ? { roles: lifecycle.create.roles, step: lifecycle.create.step } : null,
    };
  }
  return c.json(out);
});

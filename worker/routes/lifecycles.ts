/** GET /api/lifecycles: kinds, their state labels and who may create — so the web app stays generic. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { labelsFor, toneOf } from '../lifecycle/labels';
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
      // the badge colour of every state, by its meaning (declared beside the states)
      tones: Object.fromEntries(Object.keys(lifecycle.states).filter((state) => stateShownTo(lifecycle, state, actor.role)).map((state) => [state, toneOf(lifecycle, state)])),
      create: lifecycle.create && lifecycle.create.roles.includes(actor.role) ? { roles: lifecycle.create.roles, step: lifecycle.create.step } : null,
    };
  }
  return c.json(out);
});

/**
 * GET /api/lifecycles: kinds, their state labels, what happens next in a state where nothing waits
 * in the product, and whether the caller can create one now (and where to start, or why not) — so
 * the web app stays generic and keeps no rule of its own.
 * GET/PUT /api/lifecycles/:kind/reasons (admin): the reasons offered when rejecting records of a kind;
 * PUT `{ reasons: [...] }` replaces the list, `{ reasons: null }` goes back to the default.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { createAvailability } from '../lifecycle/create-availability';
import { labelsFor, toneOf } from '../lifecycle/labels';
import { stateShownTo } from '../lifecycle/read-access';
import { LIFECYCLES, lifecycleOf } from '../lifecycle/registry';
import type { Lifecycle } from '../lifecycle/types';
import { requireActor } from '../middleware/require-actor';
import { contractBody } from '../middleware/contract-body';
import { reviewQueueOf } from '../lifecycle/review-queues';
import { rejectReasons } from '../lifecycle/reject-reasons';
import { replaceRejectReasons, requireAdmin, withReasons } from '../domain/reasons/replace-reject-reasons';
import type { AnswerOf } from '../../contract/route';
import { ReasonListBodySchema, type ReasonListSchema } from '../../contract/lifecycles';

const reasonsAnswer = (lifecycle: Lifecycle, list: { reasons: string[]; custom: boolean }): AnswerOf<typeof ReasonListSchema> => ({
  kind: lifecycle.kind,
  label: lifecycle.label,
  ...list,
  defaults: [...(lifecycle.reasons ?? [])],
});

export const lifecycleRoutes = new Hono<AppEnv>()
  .get('/lifecycles', async (c) => {
    const actor = await requireActor(c, { allowInitialPassword: true });
    const out: Record<string, unknown> = {};
    const createOffer = async (lifecycle: Lifecycle) => {
      const availability = await createAvailability({ db: c.get('db'), env: c.env, actor }, lifecycle);
      return availability && lifecycle.create && { roles: lifecycle.create.roles, step: lifecycle.create.step, ...availability };
    };
    for (const lifecycle of Object.values(LIFECYCLES)) {
      if (!lifecycle.readers.includes(actor.role)) continue;
      out[lifecycle.kind] = {
        label: lifecycle.label,
        form: lifecycle.form,
        // states this role never sees (an employer's draft invitations) are not offered as filters
        states: Object.fromEntries(
          Object.entries(labelsFor(c.env, lifecycle)).filter(([state]) => stateShownTo(lifecycle, state, actor.role)),
        ),
        next: Object.fromEntries(
          Object.entries(lifecycle.states)
            .filter(([, s]) => s.next)
            .map(([state, s]) => [state, s.next]),
        ),
        // the badge colour of every state, by its meaning (declared beside the states)
        tones: Object.fromEntries(
          Object.keys(lifecycle.states)
            .filter((state) => stateShownTo(lifecycle, state, actor.role))
            .map((state) => [state, toneOf(lifecycle, state)]),
        ),
        create: await createOffer(lifecycle),
        review: reviewQueueOf(lifecycle.kind, actor.role) ?? undefined,
      };
    }
    return c.json(out);
  })
  .get('/lifecycles/:kind/reasons', async (c) => {
    const actor = await requireActor(c);
    requireAdmin(actor);
    const lifecycle = withReasons(lifecycleOf(c.req.param('kind')));
    return c.json(reasonsAnswer(lifecycle, await rejectReasons(c.get('db'), lifecycle)));
  })
  .put('/lifecycles/:kind/reasons', contractBody(ReasonListBodySchema), async (c) => {
    const actor = await requireActor(c);
    requireAdmin(actor);
    const lifecycle = withReasons(lifecycleOf(c.req.param('kind')));
    const { reasons } = await c.req.valid('json');
    return c.json(reasonsAnswer(lifecycle, await replaceRejectReasons(c.get('db'), actor, lifecycle, reasons)));
  });

/**
 * GET/PUT /api/destinations/settings/:cohort — 毕业去向登记 rules of one cohort (docs/architecture.md,
 * 毕业去向登记): the change deadline (default 31 August of the graduation year) and the codes the
 * centre reviews. Everyone who works with destinations reads them; only the province sets them.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { destinationSettingsOf } from '../db/destination-settings';
import { readCohort, setDestinationSettings } from '../domain/destinations/set-destination-settings';
import { contractBodyCheckedByDomain } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import { DestinationSettingsBodySchema } from '../../contract/destinations';

export const destinationSettingsRoutes = new Hono<AppEnv>()
  .get('/destinations/settings/:cohort', async (c) => {
    await requireActor(c, { roles: ['student', 'college', 'school', 'province', 'center', 'admin'] });
    return c.json(await destinationSettingsOf(c.get('db'), readCohort(c.req.param('cohort'))));
  })
  .put('/destinations/settings/:cohort', contractBodyCheckedByDomain(DestinationSettingsBodySchema), async (c) => {
    const actor = await requireActor(c, { ability: 'set_destination_rules' });
    const cohort = readCohort(c.req.param('cohort'));
    return c.json(await setDestinationSettings(c.get('db'), actor, cohort, await c.req.valid('json')));
  });

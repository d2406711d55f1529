/** GET /api/forms/:key (latest published) and /api/forms/:key/versions/:n (DESIGN §7). */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { badRequest } from '../http/errors';
import { formAtVersion, latestForm } from '../forms/registry';
import { requireActor } from '../middleware/require-actor';

export const formRoutes = new Hono<AppEnv>()
  .get('/forms/:key', async (c) => {
    requireActor(c, { allowInitialPassword: true });
    const form = await latestForm(c.get('db'), c.req.param('key'));
    return c.json(form);
  })
  .get('/forms/:key/versions/:n', async (c) => {
    requireActor(c, { allowInitialPassword: true });
    const n = Number(c.req.param('n'));
    if (!Number.isSafeInteger(n) || n < 1) throw badRequest('bad_query', '版本号必须是正整数');
    // Published versions never change: let browsers keep them.
    c.header('Cache-Control', 'private, max-age=86400, immutable');
    return c.json(await formAtVersion(c.get('db'), c.req.param('key'), n));
  });

/**
 * The bench's app: the bench routes (./routes.ts) under /api/bench, and every other request handed
 * to the production app as deployed, untouched. Only the bench's own worker (./index.ts) and the
 * bench's tests import this; worker/app.ts knows nothing of it, and `npm run check:bundle` fails
 * if bench code ever reaches the deployable bundle.
 */
import { Hono } from 'hono';
import { app } from '../../worker/app';
import type { AppEnv } from '../../worker/app-env';
import { notFoundApi, onError } from '../../worker/http/on-error';
import { BENCH_NOTIFICATIONS_HEADER } from './notifications-header';
import { benchRoutes } from './routes';

// mounted with no middleware at all, so the floor is one D1 read and nothing else
const bench = new Hono<AppEnv>().route('/api/bench', benchRoutes).notFound(notFoundApi).onError(onError);

export { BENCH_NOTIFICATIONS_HEADER };

/**
 * The deployed worker's env, with notifications switched off for a request that asks, or only their
 * queueing from the request (`sweep`: the rows are written, the sweep sends them) (./notifications-header.ts).
 */
function envOf(request: Request, env: Env): Env {
  const asked = request.headers.get(BENCH_NOTIFICATIONS_HEADER);
  return asked === 'off' ? { ...env, NOTIFICATIONS: 'off' } : asked === 'sweep' ? { ...env, NOTIFY_FROM_REQUEST: 'off' } : env;
}

export const benchApp = {
  fetch: (request: Request, env: Env, ctx?: ExecutionContext): Response | Promise<Response> =>
    (new URL(request.url).pathname.startsWith('/api/bench/') ? bench : app).fetch(request, envOf(request, env), ctx),
};

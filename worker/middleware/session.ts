import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { RequestSession } from '../auth/request-session';
import { sessionIdFromCookie } from '../auth/session';
import { openDb } from '../db/client';

/**
 * Opens the database and checks the session cookie's signature once per request. The session
 * itself is read on first use (see `requireActor`), together with the handler's first reads.
 */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const db = openDb(c.env.DB);
  c.set('db', db);
  c.set('session', new RequestSession(db, await sessionIdFromCookie(c, c.env.SESSION_SECRET)));
  await next();
});

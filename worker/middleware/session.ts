import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../app-env';
import { readSession } from '../auth/session';
import { openDb } from '../db/client';

/** Opens the database and resolves the session cookie (if any) once per request. */
export const sessionMiddleware = createMiddleware<AppEnv>(async (c, next) => {
  const db = openDb(c.env.DB);
  c.set('db', db);
  const session = await readSession(c, db, c.env.SESSION_SECRET);
  c.set('actor', session?.actor ?? null);
  c.set('sessionId', session?.sessionId ?? null);
  await next();
});

import type { Actor } from './auth/actor';
import type { Db } from './db/client';

/** Hono's environment for every route: the bindings plus what middleware resolved once. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    actor: Actor | null;
    sessionId: string | null;
  };
}

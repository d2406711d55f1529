import type { RequestSession } from './auth/request-session';
import type { Db } from './db/client';

/** Hono's environment for every route: the bindings plus what middleware resolved once. */
export interface AppEnv {
  Bindings: Env;
  Variables: {
    db: Db;
    /** the signed-in session, read on first use (see `requireActor`) */
    session: RequestSession;
  };
}

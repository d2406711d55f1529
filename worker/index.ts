import { app } from './app';
import { openDb } from './db/client';
import { sweepLapsed } from './lifecycle/apply-lapse';
import { LIFECYCLES } from './lifecycle/registry';

export default {
  fetch: app.fetch,
  /** Every 15 minutes: lapse what passed its deadline (invitations → 已逾期). */
  async scheduled(_controller, env, ctx) {
    const db = openDb(env.DB);
    ctx.waitUntil(Promise.all(Object.values(LIFECYCLES).map((l) => (l ? sweepLapsed(db, l) : 0))));
  },
} satisfies ExportedHandler<Env>;

import { app } from './app';
import { requiredSecretsOf } from './config/required-secrets';
import { openDb } from './db/client';
import { sweepOrphanFiles } from './domain/files/sweep-orphans';
import { sweepLapsed } from './lifecycle/apply-lapse';
import { LIFECYCLES } from './lifecycle/registry';

export default {
  fetch: app.fetch,
  /** Every 15 minutes: lapse what passed its deadline (invitations → 已逾期) and drop day-old orphan uploads. */
  async scheduled(_controller, env, ctx) {
    // misconfigured (logged once by the check): do nothing rather than run half-configured
    if (!requiredSecretsOf(env).ok) return;
    const db = openDb(env.DB);
    ctx.waitUntil(Promise.all([
      ...Object.values(LIFECYCLES).map((l) => (l ? sweepLapsed(db, l) : 0)),
      sweepOrphanFiles(db, env.FILES),
    ]));
  },
} satisfies ExportedHandler<Env>;

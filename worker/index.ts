import { app } from './app';
import { requiredSecretsOf } from './config/required-secrets';
import { openDb } from './db/client';
import { sweepOrphanFiles } from './domain/files/sweep-orphans';
import { deliverOutbox, type OutboxMessage } from './domain/notifications/deliver-outbox';
import { NOTIFY_DEAD_LETTER_QUEUE, parkDeadLetters } from './domain/notifications/park-dead-letters';
import { sendReminders } from './domain/notifications/send-reminders';
import { sweepOutbox } from './domain/notifications/sweep-outbox';
import { transportsFor, type TransportSecrets } from './domain/notifications/transport';
import { sweepLapsed } from './lifecycle/apply-lapse';
import { LIFECYCLES } from './lifecycle/registry';

/** the cron of the every-minute run: only the notification outbox sweep */
const EVERY_MINUTE = '* * * * *';

export default {
  fetch: app.fetch,
  /**
   * Every 15 minutes: lapse what passed its deadline (invitations → 已逾期), drop day-old orphan
   * uploads and write the reminders due (send-reminders.ts). Every minute: hand unsent e-mail/SMS of the notification outbox to the queue.
   */
  scheduled(controller, env, ctx) {
    // misconfigured (logged once by the check): do nothing rather than run half-configured
    if (!requiredSecretsOf(env).ok) return;
    const db = openDb(env.DB);
    if (controller.cron === EVERY_MINUTE) {
      ctx.waitUntil(sweepOutbox(db, env.NOTIFY_QUEUE, env));
      return;
    }
    ctx.waitUntil(
      Promise.all([...Object.values(LIFECYCLES).map((l) => sweepLapsed(db, l)), sweepOrphanFiles(db, env.FILES), sendReminders(db)]),
    );
  },
  /**
   * The notification queue's consumer: each outbox row sent exactly once (deliver-outbox.ts); and
   * its dead-letter queue's, which parks what the queue gave up on for the admin (park-dead-letters.ts).
   */
  async queue(batch, env) {
    const db = openDb(env.DB);
    if (batch.queue === NOTIFY_DEAD_LETTER_QUEUE) {
      await parkDeadLetters(db, batch as MessageBatch<OutboxMessage>);
      return;
    }
    await deliverOutbox(db, batch as MessageBatch<OutboxMessage>, transportsFor(env as Env & TransportSecrets, db));
  },
} satisfies ExportedHandler<Env>;

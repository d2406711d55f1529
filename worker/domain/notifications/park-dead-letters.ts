/**
 * The consumer of the notification queue's dead-letter queue (wrangler.toml, docs/deploy.md): a
 * message lands there when the queue gave up on it — the consumer threw (D1 or the runtime failing,
 * not a send: a failed send is retried and parked by deliver-outbox.ts itself) more often than the
 * queue's `max_retries`. Its rows are parked as `dead` with the reason, so 发件监控 shows them with
 * 重新发送; rows already sent stay sent.
 */
import type { Db } from '../../db/client';
import { parkUnsent } from '../../db/outbox';
import type { OutboxMessage } from './deliver-outbox';

/** the dead-letter queue's name, as wrangler.toml declares it */
export const NOTIFY_DEAD_LETTER_QUEUE = 'wangqian-notify-dead';
export const DEAD_LETTER_ERROR = '队列多次投递失败，已转入死信队列';

export async function parkDeadLetters(db: Db, batch: MessageBatch<OutboxMessage>): Promise<{ parked: number }> {
  let parked = 0;
  for (const message of batch.messages) {
    parked += await parkUnsent(db, message.body, DEAD_LETTER_ERROR);
    message.ack();
  }
  return { parked };
}

/**
 * The dead-letter queue of the notification queue (docs/deploy.md): what the queue gave up on is
 * parked for the admin — the unsent rows turn `dead` and show in 发件监控; a row already sent stays sent.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import { demo, invitationIn } from '../../test/scenarios';
import { writeDeliveriesNow } from '../../test/deliveries';
import { deliverOutbox, type OutboxMessage } from './deliver-outbox';
import { DEAD_LETTER_ERROR, NOTIFY_DEAD_LETTER_QUEUE, parkDeadLetters } from './park-dead-letters';
import { localTransport } from './transport';

const db = openDb(env.DB);

function batchOf(queue: string, bodies: OutboxMessage[]) {
  const acked: boolean[] = bodies.map(() => false);
  const batch = {
    queue,
    messages: bodies.map((body, i) => ({
      id: String(i),
      timestamp: new Date(),
      attempts: 11,
      body,
      ack: () => {
        acked[i] = true;
      },
      retry: () => undefined,
    })),
  } as unknown as MessageBatch<OutboxMessage>;
  return { batch, acked };
}

describe('the notification dead-letter queue', () => {
  it('an event the queue gave up on: its unsent SMS is parked and shown to the admin, its sent e-mail stays sent', async () => {
    const invitation = await invitationIn('draft');
    await env.DB.prepare('UPDATE students SET email = ? WHERE id = ?').bind('zhoumin@example.edu.cn', invitation.fixture.studentId).run();
    const { jobTerms } = await import('../../test/signing');
    const sent = await (await demo('employer')).post(`/api/invitations/${invitation.id}/send`, {
      version: invitation.version,
      data: { ...invitation.data, ...jobTerms() },
    });
    expect(sent.status).toBe(200);
    await writeDeliveriesNow();
    const rows = (
      await env.DB.prepare(`SELECT o.id, o.channel FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
      WHERE n.record_id = ? ORDER BY o.channel`)
        .bind(invitation.id)
        .all<{ id: string; channel: string }>()
    ).results;
    const email = rows.at(0);
    const sms = rows.at(1);
    if (!email || !sms) throw new Error('expected an e-mail and an SMS row');
    // the e-mail went out before the queue gave up on the event's message
    await deliverOutbox(db, batchOf('wangqian-notify', [{ outboxId: email.id }]).batch, () => localTransport(db));

    // the message as requests send it: the events an isolate gathered, this one among them
    const dead = batchOf(NOTIFY_DEAD_LETTER_QUEUE, [{ eventIds: ['an-event-of-another-request', email.id.split(':')[0] ?? ''] }]);
    expect(await parkDeadLetters(db, dead.batch)).toEqual({ parked: 1 });
    expect(dead.acked).toEqual([true]);
    const states = await env.DB.prepare('SELECT id, state, last_error FROM notification_outbox WHERE id IN (?, ?) ORDER BY channel')
      .bind(email.id, sms.id)
      .all();
    expect(states.results).toEqual([
      { id: email.id, state: 'sent', last_error: null },
      { id: sms.id, state: 'dead', last_error: DEAD_LETTER_ERROR },
    ]);

    const outbox = await (await demo('admin')).get('/api/admin/outbox');
    expect(outbox.body.dead.find((r: { id: string }) => r.id === sms.id)).toMatchObject({
      channel: 'sms',
      state: 'dead',
      lastError: DEAD_LETTER_ERROR,
      subject: '收到职位邀约',
    });
    // a second copy of the dead letter changes nothing
    expect(await parkDeadLetters(db, batchOf(NOTIFY_DEAD_LETTER_QUEUE, [{ outboxId: email.id }]).batch)).toEqual({ parked: 0 });
  });
});

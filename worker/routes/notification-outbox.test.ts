/** The admin sees parked e-mail/SMS and 本地发件箱 with addresses masked, and sends a parked one again. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from '../db/client';
import { deliverOutbox } from '../domain/notifications/deliver-outbox';
import { localTransport } from '../domain/notifications/transport';
import { demo, invitationIn } from '../test/scenarios';
import { writeDeliveriesNow } from '../test/deliveries';

describe('发件监控 (admin)', () => {
  it('a parked SMS shows masked with its error; 重新发送 puts it back to pending; 本地发件箱 lists what was sent', async () => {
    const invitation = await invitationIn('sent');
    await writeDeliveriesNow();
    const row = (await env.DB.prepare(
      `SELECT o.id FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id WHERE n.record_id = ? AND o.channel = 'sms'`,
    )
      .bind(invitation.id)
      .first<{ id: string }>())!;
    await env.DB.prepare("UPDATE notification_outbox SET state = 'dead', attempts = 5, last_error = '短信网关超时' WHERE id = ?")
      .bind(row.id)
      .run();

    const admin = await demo('admin');
    const outbox = await admin.get('/api/admin/outbox');
    expect(outbox.status).toBe(200);
    const parked = outbox.body.dead.find((r: { id: string }) => r.id === row.id);
    expect(parked).toMatchObject({
      channel: 'sms',
      state: 'dead',
      attempts: 5,
      lastError: '短信网关超时',
      subject: '收到职位邀约',
      address: '*******' + invitation.fixture.mobile.slice(-4),
    });
    expect(JSON.stringify(outbox.body)).not.toContain(invitation.fixture.mobile);

    expect((await (await demo('school')).get('/api/admin/outbox')).status).toBe(403);
    const again = await admin.post(`/api/admin/outbox/${row.id}/retry`, {});
    expect(again.body).toEqual({ id: row.id, state: 'pending' });
    expect((await admin.post(`/api/admin/outbox/${row.id}/retry`, {})).status).toBe(404);

    const messages = [{ id: 'm', timestamp: new Date(), attempts: 1, body: { outboxId: row.id }, ack() {}, retry() {} }];
    await deliverOutbox(
      openDb(env.DB),
      { queue: 'q', messages, ackAll() {}, retryAll() {} } as unknown as MessageBatch<{ outboxId: string }>,
      () => localTransport(openDb(env.DB)),
    );
    const mailbox = await admin.get('/api/admin/local-mailbox');
    expect(mailbox.body.items.find((m: { outboxId: string }) => m.outboxId === row.id)).toMatchObject({
      channel: 'sms',
      subject: '收到职位邀约',
      address: '*******' + invitation.fixture.mobile.slice(-4),
      body: expect.stringContaining('向您发出职位邀约'),
    });
  });
});

/**
 * E-mail and SMS exactly once: the queue consumer against real D1. A redelivered batch sends
 * nothing twice; a failed send is retried with backoff and then succeeds; after the last attempt
 * the row is parked as dead for the admin. The scheduled sweep hands due rows to the queue.
 */
import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../db/client';
import * as schema from '../../db/schema';
import { NEW_ROW_GRACE_MS } from '../../db/outbox';
import { countingD1 } from '../../test/counting-d1';
import { invitationIn } from '../../test/scenarios';
import { backoffSeconds, deliverOutbox, MAX_ATTEMPTS, type OutboxMessage } from './deliver-outbox';
import { sweepOutbox, writeDeliveries } from './sweep-outbox';
import { localTransport, type OutgoingMessage, type Transport } from './transport';

const db = openDb(env.DB);

interface FakeMessage {
  body: OutboxMessage;
  acked: boolean;
  retried: { delaySeconds?: number } | null;
}

/** A queue batch as the runtime hands it to `queue()`, recording acks and retries. */
function batchOf(bodies: OutboxMessage[]): { batch: MessageBatch<OutboxMessage>; messages: FakeMessage[] } {
  const messages = bodies.map((body) => ({ body, acked: false, retried: null as FakeMessage['retried'] }));
  const batch = {
    queue: 'wangqian-notify',
    messages: messages.map((m, i) => ({
      id: String(i),
      timestamp: new Date(),
      attempts: 1,
      body: m.body,
      ack: () => {
        m.acked = true;
      },
      retry: (o?: { delaySeconds?: number }) => {
        m.retried = o ?? {};
      },
    })),
    ackAll: () => undefined,
    retryAll: () => undefined,
  } as unknown as MessageBatch<OutboxMessage>;
  return { batch, messages };
}

/** A transport that records each send and fails the first `failures` calls. */
function recording(failures = 0): Transport & { sent: OutgoingMessage[]; calls: number } {
  const t = {
    sent: [] as OutgoingMessage[],
    calls: 0,
    send(m: OutgoingMessage) {
      t.calls++;
      if (t.calls <= failures) return Promise.reject(new Error('短信网关超时'));
      t.sent.push(m);
      return Promise.resolve();
    },
  };
  return t;
}

/** The outbox rows of a record's notifications, as they stand. */
async function outboxRowsOf(recordId: string) {
  const rows = await env.DB.prepare(`SELECT o.id, o.channel, o.address, o.state, o.subject, o.body FROM notification_outbox o
    JOIN notifications n ON n.id = o.notification_id WHERE n.record_id = ? ORDER BY o.channel`)
    .bind(recordId)
    .all<{ id: string; channel: string; address: string; state: string; subject: string; body: string }>();
  return rows.results;
}

/**
 * A student who has an e-mail address and a phone, invited: the invitation's event, and its
 * outbox rows once the sweep's step wrote them (`swept: false`: before any sweep).
 */
async function invitedWithContacts({ swept = true } = {}) {
  const invitation = await invitationIn('draft');
  await env.DB.prepare('UPDATE students SET email = ? WHERE id = ?').bind('songzy@example.edu.cn', invitation.fixture.studentId).run();
  const { demo } = await import('../../test/scenarios');
  const { jobTerms } = await import('../../test/signing');
  const sent = await (await demo('employer')).post(`/api/invitations/${invitation.id}/send`, {
    version: invitation.version,
    data: { ...invitation.data, ...jobTerms() },
  });
  expect(sent.status).toBe(200);
  const notification = await env.DB.prepare('SELECT id FROM notifications WHERE record_id = ?').bind(invitation.id).first<{ id: string }>();
  const eventId = notification!.id.split(':')[0]!;
  if (swept) await writeDeliveries(db);
  return { invitation, eventId, rows: await outboxRowsOf(invitation.id) };
}

const stateOf = async (id: string) =>
  (await env.DB.prepare('SELECT state, attempts, last_error, next_attempt_at FROM notification_outbox WHERE id = ?')
    .bind(id)
    .first<{ state: string; attempts: number; last_error: string | null; next_attempt_at: string | null }>())!;

describe('the notification outbox', () => {
  it("follows from the notification the transition committed: the sweep's step writes one e-mail and one SMS to the invited student, pending, once", async () => {
    const { invitation, rows: beforeSweep } = await invitedWithContacts({ swept: false });
    // the transition's batch wrote the in-app message only; its e-mail and SMS are the sweep's to write
    expect(beforeSweep).toEqual([]);
    expect(await writeDeliveries(db)).toBeGreaterThanOrEqual(1);
    const rows = await outboxRowsOf(invitation.id);
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'email', address: 'songzy@example.edu.cn', state: 'pending', subject: '收到职位邀约' }),
      expect.objectContaining({ channel: 'sms', address: invitation.fixture.mobile, state: 'pending', subject: '收到职位邀约' }),
    ]);
    for (const r of rows) expect(r.body).not.toContain(invitation.fixture.idNumber);
    // the next step has nothing new: the rows stay as they are, once each
    await env.DB.prepare("UPDATE notification_outbox SET state = 'sent' WHERE id = ?").bind(rows[0]!.id).run();
    expect(await writeDeliveries(db)).toBe(0);
    expect((await outboxRowsOf(invitation.id)).map((r) => [r.channel, r.state])).toEqual([
      ['email', 'sent'],
      ['sms', 'pending'],
    ]);
  });

  it('a redelivered batch sends nothing twice', async () => {
    const { rows } = await invitedWithContacts();
    const transport = recording();
    const bodies = rows.map((r) => ({ outboxId: r.id }));
    const first = batchOf(bodies);
    expect(await deliverOutbox(db, first.batch, () => transport)).toEqual({ sent: 2 });
    expect(first.messages.every((m) => m.acked && !m.retried)).toBe(true);
    // the same batch again (the queue delivers at least once): acknowledged, nothing sent
    const again = batchOf(bodies);
    expect(await deliverOutbox(db, again.batch, () => transport)).toEqual({ sent: 0 });
    expect(again.messages.every((m) => m.acked)).toBe(true);
    expect(transport.sent.map((m) => m.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const r of rows) expect((await stateOf(r.id)).state).toBe('sent');
  });

  it('a failed send is retried with backoff, then succeeds once', async () => {
    const { rows } = await invitedWithContacts();
    const sms = rows.find((r) => r.channel === 'sms')!;
    const transport = recording(2);
    const t0 = new Date('2027-03-01T08:00:00Z');
    for (const [attempt, delay] of [
      [1, 30],
      [2, 60],
    ] as const) {
      const run = batchOf([{ outboxId: sms.id }]);
      expect(
        await deliverOutbox(
          db,
          run.batch,
          () => transport,
          () => t0,
        ),
      ).toEqual({ sent: 0 });
      expect(run.messages[0]).toMatchObject({ acked: false, retried: { delaySeconds: delay } });
      expect(await stateOf(sms.id)).toEqual({
        state: 'pending',
        attempts: attempt,
        last_error: '短信网关超时',
        next_attempt_at: new Date(t0.getTime() + delay * 1000).toISOString(),
      });
    }
    const run = batchOf([{ outboxId: sms.id }]);
    expect(
      await deliverOutbox(
        db,
        run.batch,
        () => transport,
        () => t0,
      ),
    ).toEqual({ sent: 1 });
    expect(run.messages[0]!.acked).toBe(true);
    expect(await stateOf(sms.id)).toMatchObject({ state: 'sent', attempts: 3, last_error: null });
    expect(transport.sent).toHaveLength(1);
    expect(backoffSeconds(20)).toBe(3600);
  });

  it('after the last attempt the row is parked as dead and the message acknowledged', async () => {
    const { rows } = await invitedWithContacts();
    const email = rows.find((r) => r.channel === 'email')!;
    const transport = recording(Infinity);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const run = batchOf([{ outboxId: email.id }]);
      await deliverOutbox(db, run.batch, () => transport);
      if (attempt < MAX_ATTEMPTS) expect(run.messages[0]!.retried).not.toBeNull();
      else expect(run.messages[0]).toMatchObject({ acked: true, retried: null });
    }
    expect(await stateOf(email.id)).toMatchObject({ state: 'dead', attempts: MAX_ATTEMPTS, last_error: '短信网关超时' });
    // parked: a further delivery sends nothing
    const late = batchOf([{ outboxId: email.id }]);
    await deliverOutbox(db, late.batch, () => transport);
    expect(transport.calls).toBe(MAX_ATTEMPTS);
  });

  it('a message naming an event, before any sweep, writes and sends each of its rows; the local transport keeps one copy per row', async () => {
    const { invitation, eventId } = await invitedWithContacts({ swept: false });
    const run = batchOf([{ eventId }, { eventId }]);
    expect(await deliverOutbox(db, run.batch, () => localTransport(db))).toEqual({ sent: 2 });
    const rows = await outboxRowsOf(invitation.id);
    expect(rows.map((r) => [r.channel, r.state])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
    // the sweep's step after it writes nothing again, and hands nothing over
    await writeDeliveries(db);
    expect(await outboxRowsOf(invitation.id)).toEqual(rows);
    const mailbox = await env.DB.prepare('SELECT channel, subject FROM local_mailbox WHERE outbox_id IN (?, ?) ORDER BY channel')
      .bind(rows[0]!.id, rows[1]!.id)
      .all();
    expect(mailbox.results).toEqual([
      { channel: 'email', subject: '收到职位邀约' },
      { channel: 'sms', subject: '收到职位邀约' },
    ]);
  });

  function recordingQueue() {
    const queued: OutboxMessage[] = [];
    const queue = {
      sendBatch: (ms: { body: OutboxMessage }[]) => {
        queued.push(...ms.map((m) => m.body));
        return Promise.resolve();
      },
    } as unknown as Queue<OutboxMessage>;
    return { queue, queued };
  }
  const handed = (queued: OutboxMessage[], rows: { id: string }[]) =>
    queued.filter((m) => rows.some((r) => 'outboxId' in m && m.outboxId === r.id));

  it("as deployed, the next minute's sweep hands a new row to the queue at once, and not again while it is leased", async () => {
    const { rows } = await invitedWithContacts();
    const { queue, queued } = recordingQueue();
    const now = new Date(Date.now() + 1000);
    await sweepOutbox(db, queue, { NOTIFY_FROM_REQUEST: 'off' }, now);
    expect(handed(queued, rows)).toHaveLength(2);
    await sweepOutbox(db, queue, { NOTIFY_FROM_REQUEST: 'off' }, now);
    expect(handed(queued, rows)).toHaveLength(2);
  });

  it('where requests queue their own rows, the sweep waits out their grace, then hands them over once', async () => {
    const { rows } = await invitedWithContacts();
    const { queue, queued } = recordingQueue();
    // before the grace has passed the rows are the writing request's to queue; after it, the sweep's
    await sweepOutbox(db, queue, { NOTIFY_FROM_REQUEST: 'on' }, new Date(Date.now() + 1000));
    expect(handed(queued, rows)).toEqual([]);
    const now = new Date(Date.now() + NEW_ROW_GRACE_MS + 1000);
    await sweepOutbox(db, queue, { NOTIFY_FROM_REQUEST: 'on' }, now);
    for (const r of rows) expect(queued).toContainEqual({ outboxId: r.id });
    const before = queued.length;
    await sweepOutbox(db, queue, { NOTIFY_FROM_REQUEST: 'on' }, now);
    expect(handed(queued.slice(before), rows)).toEqual([]);
  });

  it('a full batch of messages is sent in five D1 round trips, each row once', async () => {
    // 80 events of two rows (e-mail and SMS) as requests queue them — 60 gathered in one message, 20
    // one by one — and 30 single rows as the sweep does: more than one statement's parameters can name
    const tag = `batch${Date.now()}`;
    const created = new Date().toISOString();
    const rows: string[] = [];
    const statements = [];
    const event = (i: number) => `${tag}e${String(i).padStart(3, '0')}`;
    for (let i = 0; i < 110; i++) {
      for (const channel of i < 80 ? ['email', 'sms'] : ['email']) {
        const id = `${event(i)}:acc-${String(i)}:${channel}`;
        rows.push(id);
        statements.push(
          env.DB.prepare(
            `INSERT INTO notification_outbox (id, notification_id, account_id, channel, address, subject, body, state, attempts, created_at)
             VALUES (?, ?, ?, ?, ?, '协议书学院审核通过', '请留意后续学校审核。', 'pending', 0, ?)`,
          ).bind(
            id,
            id.slice(0, id.lastIndexOf(':')),
            `acc-${String(i)}`,
            channel,
            channel === 'email' ? `s${String(i)}@example.edu.cn` : '13800138000',
            created,
          ),
        );
      }
    }
    await env.DB.batch(statements);
    const bodies: OutboxMessage[] = [
      { eventIds: Array.from({ length: 60 }, (_, i) => event(i)) },
      ...Array.from({ length: 20 }, (_, i) => ({ eventId: event(60 + i) })),
      ...Array.from({ length: 30 }, (_, i) => ({ outboxId: `${event(80 + i)}:acc-${String(80 + i)}:email` })),
    ];
    const counted = countingD1(env.DB);
    const countedDb = drizzle(counted.d1, { schema });
    const run = batchOf(bodies);
    expect(await deliverOutbox(countedDb, run.batch, () => localTransport(countedDb))).toEqual({ sent: 190 });
    // the events' rows written (where the sweep had not yet), claim, the local mailbox once per
    // channel, mark sent: five, where one row at a time took 3 a row and 1 an event (300)
    expect(counted.calls()).toBe(5);
    expect(run.messages.every((m) => m.acked && !m.retried)).toBe(true);
    const states = await env.DB.prepare(`SELECT state, count(*) AS n FROM notification_outbox WHERE id >= ? AND id < ? GROUP BY state`)
      .bind(tag, tag + '~')
      .all<{ state: string; n: number }>();
    expect(states.results).toEqual([{ state: 'sent', n: 190 }]);
    const mailbox = await env.DB.prepare('SELECT count(*) AS n FROM local_mailbox WHERE outbox_id >= ? AND outbox_id < ?')
      .bind(tag, tag + '~')
      .first<{ n: number }>();
    expect(mailbox?.n).toBe(190);
    // the queue delivers at least once: the same batch again sends nothing
    const again = batchOf(bodies);
    expect(await deliverOutbox(db, again.batch, () => localTransport(db))).toEqual({ sent: 0 });
    expect(again.messages.every((m) => m.acked)).toBe(true);
  });

  it('in a batch, only the message whose row failed is retried; a provider refusing the lot is tried one by one', async () => {
    const a = await invitedWithContacts();
    const b = await invitedWithContacts();
    const failing = a.rows.find((r) => r.channel === 'sms')!;
    expect(failing).toBeDefined();
    const sent: string[] = [];
    let lots = 0;
    const transport: Transport = {
      send(m) {
        if (m.id === failing.id) return Promise.reject(new Error('号码暂停服务'));
        sent.push(m.id);
        return Promise.resolve();
      },
      sendMany(ms) {
        lots++;
        return ms.some((m) => m.id === failing.id) ? Promise.reject(new Error('批量发送被拒')) : Promise.resolve();
      },
    };
    const eventOf = (id: string) => id.split(':')[0]!;
    const run = batchOf([{ eventId: eventOf(a.rows[0]!.id) }, { eventId: eventOf(b.rows[0]!.id) }]);
    expect(await deliverOutbox(db, run.batch, () => transport)).toEqual({ sent: 3 });
    expect(lots).toBeGreaterThan(0);
    expect(run.messages[0]).toMatchObject({ acked: false, retried: { delaySeconds: 30 } });
    expect(run.messages[1]).toMatchObject({ acked: true, retried: null });
    expect(sent).not.toContain(failing.id);
    expect(await stateOf(failing.id)).toMatchObject({ state: 'pending', attempts: 1, last_error: '号码暂停服务' });
    for (const r of [...a.rows, ...b.rows].filter((r) => r.id !== failing.id)) expect((await stateOf(r.id)).state).toBe('sent');
  });
});

/**
 * Sending from the request (docs/architecture.md, notifications): once the write committed, its
 * notified event goes to the queue after the answer, and the consumer writes the e-mail and SMS rows
 * of that event and sends them — no sweep needed. The sweep stays the safety net; a row queued by both is still sent once.
 * (The worker tests run with NOTIFY_FROM_REQUEST off so that no consumer races their assertions;
 * here the request's path is called with it on and a queue that records what it is given.)
 */
import { env } from 'cloudflare:workers';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { toActor } from '../../db/accounts';
import { runReads } from '../../db/batch';
import { openDb } from '../../db/client';
import { NEW_ROW_GRACE_MS } from '../../db/outbox';
import { recordForChangeRead } from '../../db/records';
import { accounts } from '../../db/schema';
import { deliverOutbox, type OutboxMessage } from '../../domain/notifications/deliver-outbox';
import { sweepOutbox } from '../../domain/notifications/sweep-outbox';
import type { OutgoingMessage, Transport } from '../../domain/notifications/transport';
import { invitationIn } from '../../test/scenarios';
import { jobTerms } from '../../test/signing';
import { executeTransition } from '../execute-transition';
import { enqueueNotified } from './enqueue-notified';

const db = openDb(env.DB);

function recordingQueue() {
  const queued: OutboxMessage[] = [];
  const calls: number[][] = [];
  const queue = {
    sendBatch: (ms: { body: OutboxMessage }[]) => {
      calls.push(ms.map((m) => ('eventIds' in m.body ? m.body.eventIds.length : 1)));
      queued.push(...ms.map((m) => m.body));
      return Promise.resolve();
    },
  } as unknown as Queue<OutboxMessage>;
  return { queue, queued, calls };
}

/** The statements of a committed write that notified these events (only their markers matter here). */
const notifying = (...events: string[]) => events.map((notifiedEvent) => ({ toSQL: () => ({ sql: '', params: [] }), notifiedEvent }));

function batchOf(bodies: OutboxMessage[]) {
  const acked: boolean[] = bodies.map(() => false);
  const batch = {
    queue: 'wangqian-notify',
    messages: bodies.map((body, i) => ({
      id: String(i),
      timestamp: new Date(),
      attempts: 1,
      body,
      ack: () => {
        acked[i] = true;
      },
      retry: () => undefined,
    })),
  } as unknown as MessageBatch<OutboxMessage>;
  return { batch, acked };
}

/** The demo employer sends a fresh invitation through the transition, with the request's waitUntil. */
async function employerSends(fromRequest: 'on' | 'off') {
  const invitation = await invitationIn('draft');
  await env.DB.prepare('UPDATE students SET email = ? WHERE id = ?').bind('liuyang@example.edu.cn', invitation.fixture.studentId).run();
  const row = (await db.select().from(accounts).where(eq(accounts.username, 'employer'))).at(0);
  if (!row) throw new Error('the demo employer is missing');
  const actor = toActor(row, true);
  const { queue, queued } = recordingQueue();
  const tasks: Promise<unknown>[] = [];
  const [current] = await runReads(db, recordForChangeRead(db, invitation.id));
  await executeTransition(
    {
      db,
      env: { ...env, NOTIFY_FROM_REQUEST: fromRequest, NOTIFY_QUEUE: queue },
      actor,
      waitUntil: (t) => {
        tasks.push(t);
      },
    },
    {
      kind: 'invitations',
      id: invitation.id,
      action: 'send',
      body: { version: invitation.version, data: { ...invitation.data, ...jobTerms() } },
    },
    current,
  );
  await Promise.all(tasks);
  const notification = await env.DB.prepare('SELECT id FROM notifications WHERE record_id = ?').bind(invitation.id).first<{ id: string }>();
  return { queued, recordId: invitation.id, eventId: notification?.id.split(':')[0] };
}

/** The e-mail and SMS rows of the record's notifications, as they stand. */
async function rowsOf(recordId: string) {
  const rows =
    await env.DB.prepare(`SELECT o.id, o.channel, o.state FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
    WHERE n.record_id = ? ORDER BY o.channel`)
      .bind(recordId)
      .all<{ id: string; channel: string; state: string }>();
  return rows.results;
}

function recordingTransport(): Transport & { sent: OutgoingMessage[] } {
  const t = {
    sent: [] as OutgoingMessage[],
    send: (m: OutgoingMessage) => {
      t.sent.push(m);
      return Promise.resolve();
    },
  };
  return t;
}

describe('e-mail and SMS leave from the request', () => {
  it('an employer sends an invitation: its event is queued after the answer and the student gets one e-mail and one SMS from it', async () => {
    const { queued, recordId, eventId } = await employerSends('on');
    expect(eventId).toBeDefined();
    expect(queued).toEqual([{ eventIds: [eventId] }]);
    // no sweep has run: the consumer writes the event's rows itself, then sends them
    expect(await rowsOf(recordId)).toEqual([]);

    const transport = recordingTransport();
    const run = batchOf(queued);
    expect(await deliverOutbox(db, run.batch, () => transport)).toEqual({ sent: 2 });
    expect(run.acked).toEqual([true]);
    expect(transport.sent.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    expect((await rowsOf(recordId)).map((r) => [r.channel, r.state])).toEqual([
      ['email', 'sent'],
      ['sms', 'sent'],
    ]);
  });

  it('queued twice — by the request and by the sweep — each message still goes out once', async () => {
    const { queued, recordId } = await employerSends('on');
    // the consumer is slow: two minutes on, the sweep writes the rows and hands them over again
    const sweep = recordingQueue();
    await sweepOutbox(db, sweep.queue, { NOTIFY_FROM_REQUEST: 'on' }, new Date(Date.now() + NEW_ROW_GRACE_MS + 1000));
    const rows = await rowsOf(recordId);
    const swept = sweep.queued.filter((m) => 'outboxId' in m && rows.some((r) => r.id === m.outboxId));
    expect(swept).toHaveLength(2);

    const transport = recordingTransport();
    const both = batchOf([...queued, ...swept, ...queued]);
    expect(await deliverOutbox(db, both.batch, () => transport)).toEqual({ sent: 2 });
    expect(both.acked.every(Boolean)).toBe(true);
    expect(transport.sent.map((m) => m.id).sort()).toEqual(rows.map((r) => r.id).sort());
  });

  it('with NOTIFY_FROM_REQUEST off the request queues nothing; the rows wait for the sweep', async () => {
    const { queued, recordId } = await employerSends('off');
    expect(queued).toEqual([]);
    const sweep = recordingQueue();
    await sweepOutbox(db, sweep.queue, { NOTIFY_FROM_REQUEST: 'off' }, new Date(Date.now() + 1000));
    const rows = await rowsOf(recordId);
    expect(rows.map((r) => r.state)).toEqual(['pending', 'pending']);
    for (const r of rows) expect(sweep.queued).toContainEqual({ outboxId: r.id });
  });

  it('requests within a second share one queue message; a later request opens the next gathering', async () => {
    const { queue, queued, calls } = recordingQueue();
    const first = enqueueNotified(queue, notifying('ev-a1', 'ev-a2'), { gatherMs: 50 });
    // two more approvals answered while the first one's window is open
    expect(await enqueueNotified(queue, notifying('ev-b'), { gatherMs: 50 })).toBe(0);
    expect(await enqueueNotified(queue, notifying(), { gatherMs: 50 })).toBe(0);
    expect(await enqueueNotified(queue, notifying('ev-c'), { gatherMs: 50 })).toBe(0);
    expect(calls).toEqual([]);
    expect(await first).toBe(4);
    expect(calls).toEqual([[4]]);
    expect(queued).toEqual([{ eventIds: ['ev-a1', 'ev-a2', 'ev-b', 'ev-c'] }]);
    // the window closed: the next request starts its own
    expect(await enqueueNotified(queue, notifying('ev-d'), { gatherMs: 10 })).toBe(1);
    expect(calls).toEqual([[4], [1]]);
  });

  it('a gathering of more than 100 events goes out as messages of 100 in one call; a queue that fails is logged and leaves the rows to the sweep', async () => {
    const { queue, calls } = recordingQueue();
    const many = Array.from({ length: 230 }, (_, i) => `ev-${String(i)}`);
    expect(await enqueueNotified(queue, notifying(...many), { gatherMs: 1 })).toBe(230);
    expect(calls).toEqual([[100, 100, 30]]);
    const failing = { sendBatch: () => Promise.reject(new Error('队列不可用')) } as unknown as Queue<OutboxMessage>;
    expect(await enqueueNotified(failing, notifying('ev-x'), { gatherMs: 1 })).toBe(0);
  });
});

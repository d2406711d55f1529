/**
 * A notification's e-mail and SMS rows follow from its commit (docs/architecture.md,
 * notifications): the sweep walks the notifications in the order they committed, from where its
 * last step stopped, so a notification that committed is never missed and never written twice —
 * whatever time it carries, however many came in a minute.
 */
import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/d1';
import { describe, expect, it } from 'vitest';
import * as schema from '../../db/schema';
import { countingD1 } from '../../test/counting-d1';
import { studentWithSourceRecord } from '../../test/fixtures';
import { writeDeliveriesNow } from '../../test/deliveries';
import { writeDeliveries } from './sweep-outbox';

/** A student with an e-mail address and a phone, and a writer of notifications to them. */
async function reachableStudent() {
  const s = await studentWithSourceRecord('approved');
  await env.DB.prepare('UPDATE students SET email = ? WHERE id = ?').bind(`${s.studentId}@example.edu.cn`, s.studentId).run();
  const accountId = `acc-${s.studentId}`;
  const notify = (id: string, createdAt: string) =>
    env.DB.prepare(
      `INSERT INTO notifications (id, account_id, category, event, title, body, record_kind, record_id, created_at)
       VALUES (?, ?, 'agreement', 'agreements.approve', '协议书学院审核通过', '请留意学校审核。', 'agreements', NULL, ?)`,
    ).bind(id, accountId, createdAt);
  return { ...s, accountId, notify };
}

const rowsOf = async (accountId: string) =>
  (
    await env.DB.prepare('SELECT id, channel, state FROM notification_outbox WHERE account_id = ? ORDER BY id')
      .bind(accountId)
      .all<{ id: string; channel: string; state: string }>()
  ).results;

describe("the sweep's writing of e-mail and SMS rows", () => {
  it('a notification that commits after a step is the next step’s, even when it carries an earlier time', async () => {
    const s = await reachableStudent();
    await writeDeliveriesNow();
    // a transition that read the clock before another but committed after the sweep's step
    await s.notify(`ev-late:${s.accountId}`, '2020-01-01T00:00:00.000Z').run();
    expect(await rowsOf(s.accountId)).toEqual([]);
    expect(await writeDeliveriesNow()).toBe(1);
    expect(await rowsOf(s.accountId)).toEqual([
      { id: `ev-late:${s.accountId}:email`, channel: 'email', state: 'pending' },
      { id: `ev-late:${s.accountId}:sms`, channel: 'sms', state: 'pending' },
    ]);
  });

  it('2,500 notifications in a minute: one run writes each one’s rows once, a thousand a round trip', async () => {
    const s = await reachableStudent();
    await writeDeliveriesNow();
    const at = new Date().toISOString();
    const inserts = Array.from({ length: 2500 }, (_, i) => s.notify(`ev-${String(i).padStart(4, '0')}:${s.accountId}`, at));
    for (let i = 0; i < inserts.length; i += 500) await env.DB.batch(inserts.slice(i, i + 500));
    const counted = countingD1(env.DB);
    expect(await writeDeliveries(drizzle(counted.d1, { schema }))).toBe(2500);
    expect(counted.calls()).toBe(3);
    const rows = await rowsOf(s.accountId);
    expect(rows).toHaveLength(5000);
    expect(new Set(rows.map((r) => r.id)).size).toBe(5000);
    // the next run finds nothing new and writes nothing
    expect(await writeDeliveriesNow()).toBe(0);
    expect(await rowsOf(s.accountId)).toHaveLength(5000);
  });

  it('a recipient with no address for a channel, or who turned it off, gets no row for it', async () => {
    const s = await reachableStudent();
    await env.DB.prepare('UPDATE students SET email = NULL WHERE id = ?').bind(s.studentId).run();
    await env.DB.prepare("INSERT INTO notification_opt_outs (account_id, category, channel) VALUES (?, 'agreement', 'sms')")
      .bind(s.accountId)
      .run();
    await s.notify(`ev-quiet:${s.accountId}`, new Date().toISOString()).run();
    await writeDeliveriesNow();
    expect(await rowsOf(s.accountId)).toEqual([]);
  });
});

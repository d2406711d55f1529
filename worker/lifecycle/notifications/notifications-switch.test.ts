/** The operator's NOTIFICATIONS switch (docs/deploy.md): "off" tells no one of a transition, "on" does. */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import worker from '../../index';
import { countingD1 } from '../../test/counting-d1';
import { writeDeliveriesNow } from '../../test/deliveries';
import { studentWithSourceRecord } from '../../test/fixtures';

const ORIGIN = 'http://localhost';

async function send(path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> }, vars: Partial<Env>) {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(ORIGIN + path, { ...init, headers: { Origin: ORIGIN, 'Content-Type': 'application/json', ...init.headers } }),
    { ...env, ...vars },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return res;
}

async function schoolApproves(recordId: string, vars: Partial<Env>) {
  const signIn = await send('/api/session', { method: 'POST', body: JSON.stringify({ username: 'school', password: 'demo1234' }) }, vars);
  expect(signIn.status).toBe(200);
  const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  const res = await send(
    `/api/source-records/${recordId}/approve`,
    { method: 'POST', headers: { Cookie: cookie }, body: JSON.stringify({ version: 1 }) },
    vars,
  );
  const body = await res.json<{ state: string; timeline: Array<{ action: string }> }>();
  expect(res.status).toBe(200);
  expect(body.timeline.at(-1)).toMatchObject({ action: 'approve' });
  return body;
}

async function messagesOf(recordId: string) {
  await writeDeliveriesNow();
  const rows = await env.DB.prepare(
    `SELECT n.title, o.channel FROM notifications n LEFT JOIN notification_outbox o ON o.notification_id = n.id WHERE n.record_id = ?`,
  )
    .bind(recordId)
    .all<{ title: string; channel: string | null }>();
  return rows.results;
}

describe('通知开关 NOTIFICATIONS', () => {
  it('with notifications on (as deployed), the school approving a source record tells the student', async () => {
    expect(env.NOTIFICATIONS).toBe('on');
    const s = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    await schoolApproves(s.recordId, {});
    expect((await messagesOf(s.recordId)).map((m) => m.title)).toContain('生源信息审核通过');
  });

  it('switched off, the same approval is made and recorded but writes no message and queues no e-mail or SMS', async () => {
    const s = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    const approved = await schoolApproves(s.recordId, { NOTIFICATIONS: 'off' });
    expect(approved.state).not.toBe('submitted');
    expect(await messagesOf(s.recordId)).toEqual([]);
  });

  it('on or off, the approval runs the same number of D1 statements: the audit event carries the message', async () => {
    const statementsOf = async (notifications: 'on' | 'off') => {
      const s = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
      const counted = countingD1(env.DB);
      await schoolApproves(s.recordId, { NOTIFICATIONS: notifications, DB: counted.d1 });
      return { batches: counted.batches, messages: await messagesOf(s.recordId) };
    };
    const on = await statementsOf('on');
    const off = await statementsOf('off');
    expect(on.messages.map((m) => m.title)).toContain('生源信息审核通过');
    expect(off.messages).toEqual([]);
    // the sign-in's and the approval's batches, statement for statement
    expect(on.batches.length).toBeGreaterThan(0);
    expect(on.batches).toEqual(off.batches);
  });
});

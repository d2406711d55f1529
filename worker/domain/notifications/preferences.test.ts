/** A user turns SMS (or e-mail) off per category; the in-app message still comes. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { demo } from '../../test/scenarios';
import { sendInvitation } from '../../test/signing';
import { writeDeliveriesNow } from '../../test/deliveries';

/** The channels the record's notifications go out by, once the sweep has written their rows. */
async function channelsOf(recordId: string) {
  await writeDeliveriesNow();
  const rows = await env.DB.prepare(`SELECT o.channel FROM notification_outbox o JOIN notifications n ON n.id = o.notification_id
  WHERE n.record_id = ? ORDER BY o.channel`)
    .bind(recordId)
    .all<{ channel: string }>();
  return rows.results.map((r) => r.channel);
}

describe('消息提醒设置', () => {
  it('SMS off for 职位邀约: the next invitation comes in-app and by e-mail, not by SMS; other categories unchanged', async () => {
    const s = await studentWithSourceRecord('approved');
    await env.DB.prepare('UPDATE students SET email = ? WHERE id = ?').bind('ls@example.edu.cn', s.studentId).run();
    const student = await TestClient.as(s.username);
    const before = await student.get('/api/notifications/preferences');
    expect(before.body.preferences).toContainEqual({ category: 'invitation', label: '职位邀约', email: true, sms: true });

    const saved = await student.request('PUT', '/api/notifications/preferences', { preferences: [{ category: 'invitation', sms: false }] });
    expect(saved.status).toBe(200);
    expect(saved.body.preferences).toContainEqual({ category: 'invitation', label: '职位邀约', email: true, sms: false });
    expect(saved.body.preferences).toContainEqual({ category: 'agreement', label: '协议书审核', email: true, sms: true });

    const sent = await sendInvitation(await demo('employer'), s.studentId);
    expect(await channelsOf(sent.id)).toEqual(['email']);
    expect((await student.get('/api/notifications')).body.items.map((n: { recordId: string }) => n.recordId)).toContain(sent.id);

    // bad input changes nothing
    const bad = await student.request('PUT', '/api/notifications/preferences', {
      preferences: [
        { category: 'invitation', sms: true },
        { category: 'weather', email: false },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields).toEqual([{ path: 'preferences.1.category', code: 'enum', message: '没有这个消息类别' }]);
    expect((await student.get('/api/notifications/preferences')).body.preferences).toContainEqual({
      category: 'invitation',
      label: '职位邀约',
      email: true,
      sms: false,
    });
  });
});

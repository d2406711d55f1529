/** A reset password tells its owner, by a message and an SMS to the phone on file — never the password. */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { writeDeliveriesNow } from '../../test/deliveries';

describe('密码重置的通知', () => {
  it('the student is told who reset the password, in-app and by SMS, and the password is in neither', async () => {
    const s = await studentWithSourceRecord('approved');
    const college = await TestClient.as('college');
    const reset = await college.post(`/api/students/${s.studentId}/reset-password`);
    expect(reset.status).toBe(200);
    await writeDeliveriesNow();
    const rows =
      await env.DB.prepare(`SELECT n.title, n.body, o.channel, o.address FROM notifications n LEFT JOIN notification_outbox o ON o.notification_id = n.id
      WHERE n.account_id = ? AND n.event = 'accounts.reset-password'`)
        .bind('acc-' + s.studentId)
        .all<{ title: string; body: string; channel: string; address: string }>();
    expect(rows.results).toEqual([
      {
        title: '您的密码已被重置',
        channel: 'sms',
        address: s.mobile,
        body: '您的登录密码已由计算机学院辅导员重置，请使用新发放的一次性密码登录并立即修改。如非本人申请，请联系学校就业部门。',
      },
    ]);
    expect(JSON.stringify(rows.results)).not.toContain(reset.body.password);
  });
});

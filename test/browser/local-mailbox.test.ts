/**
 * E-mail and SMS as `npm start` sends them: a college reviewer resets a student's password; the
 * every-minute run (fired as npm start fires it, through wrangler dev's /__scheduled) writes the
 * SMS from the committed notification and queues it; the local queue's consumer "sends" it into
 * 本地发件箱; the admin finds it on 发件监控 with the number masked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fireScheduled } from '../../scripts/local-cron';
import { ApiUser, approvedStudent } from './api-setup';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';

const fresh = freshIdentities('local-mailbox');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

interface Mail {
  channel: string;
  address: string;
  subject: string;
  body: string;
}

describe('本地发件箱', () => {
  it('a reset password’s SMS reaches 本地发件箱 with the minute’s run, and the admin sees it masked', async () => {
    const mobile = fresh.mobile();
    const { studentId } = await approvedStudent(s.baseUrl, fresh.idNumber(), mobile, '沈知秋');
    const college = await ApiUser.signIn(s.baseUrl, 'college');
    const reset = await college.call<{ password: string }>('POST', `/api/students/${studentId}/reset-password`);
    const admin = await ApiUser.signIn(s.baseUrl, 'admin');
    const masked = `*******${mobile.slice(-4)}`;
    const ours = async () =>
      (await admin.call<{ items: Mail[] }>('GET', '/api/admin/local-mailbox')).items.filter(
        (m) => m.channel === 'sms' && m.address === masked && m.subject === '您的密码已被重置',
      );
    // the transition committed the in-app message; the SMS waits for the schedule
    expect(await ours()).toEqual([]);
    await fireScheduled(s.baseUrl, '* * * * *');
    await expect.poll(ours, { timeout: 30_000, interval: 500 }).toHaveLength(1);
    const [mail] = await ours();
    expect(mail?.body).toContain('您的登录密码已由');
    expect(JSON.stringify(mail)).not.toContain(reset.password);
    expect(JSON.stringify(mail)).not.toContain(mobile);

    await login(s, 'admin');
    await s.page.goto(s.baseUrl + '/admin/outbox');
    const local = s.page.getByRole('region', { name: '本地发件箱' });
    await expect.poll(() => local.textContent(), { timeout: 15_000 }).toContain(masked);
    expect(await s.page.locator('main').textContent()).not.toContain(mobile);
    if (process.env.SCREENS) await s.page.screenshot({ path: '.tmp/screens/local-mailbox-1280.png', fullPage: true });
  });
});

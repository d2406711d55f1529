/**
 * 消息中心 as a student meets it: an employer sends an invitation, the student signs in, sees the
 * unread badge in the header, opens 消息中心, clicks the message and lands on the invitation; the
 * badge count drops by one.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiUser, approvedStudent, draftInvitation } from './api-setup';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';

const fresh = freshIdentities('notifications');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

/** Full-page pictures for a look at the screen (SCREENS=1), beside the screenshots script's. */
async function picture(name: string) {
  if (process.env.SCREENS) await s.page.screenshot({ path: `.tmp/screens/notifications-${name}.png`, fullPage: true });
}

describe('消息中心', () => {
  it('a student sees the unread badge after an invitation, opens the message and lands on the invitation', async () => {
    const idNumber = fresh.idNumber();
    const { studentId, password } = await approvedStudent(s.baseUrl, idNumber, fresh.mobile(), '宋知远');
    const draft = await draftInvitation(s.baseUrl, studentId);
    const employer = await ApiUser.signIn(s.baseUrl, 'employer');
    const sent = await employer.call('POST', `/api/invitations/${draft.id}/send`, { version: draft.version, data: draft.data });

    await login(s, idNumber, password);
    const page = s.page;
    const badge = page.getByRole('link', { name: /^消息中心，\d+ 条未读$/ });
    await expect.poll(() => badge.getAttribute('data-unread')).not.toBeNull();
    // the two 生源 approvals and the invitation
    const before = Number(await badge.getAttribute('data-unread'));
    expect(before).toBe(3);
    await expect.poll(() => badge.textContent()).toContain('3');
    await picture('badge-1280');

    await badge.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('消息中心');
    const message = page.locator('.notify-item').filter({ hasText: '收到职位邀约' });
    await expect.poll(() => message.textContent()).toContain('南京云帆信息科技有限公司向您发出职位邀约（后端开发工程师）');
    // unread first, newest first: the invitation leads
    await expect.poll(() => page.locator('.notify-item').first().textContent()).toContain('收到职位邀约');
    await picture('center-1280');

    await message.getByRole('button', { name: '收到职位邀约' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/r/invitations/${sent.id}`);
    await expect.poll(() => page.locator('main').textContent()).toContain('待应约');
    await expect.poll(() => page.getByRole('link', { name: /^消息中心/ }).getAttribute('data-unread')).toBe('2');
    await expect.poll(() => page.getByRole('link', { name: /^消息中心/ }).getAttribute('aria-label')).toBe('消息中心，2 条未读');

    // back in 消息中心 the message is read, after the unread ones
    await page.getByRole('link', { name: /^消息中心/ }).click();
    await expect.poll(() => page.locator('.notify-item').last().textContent()).toContain('收到职位邀约');
    await expect.poll(() => page.locator('.notify-item-unread').count()).toBe(2);
    if (process.env.SCREENS) {
      await page.setViewportSize({ width: 375, height: 800 });
      await picture('center-375');
    }
  });
});

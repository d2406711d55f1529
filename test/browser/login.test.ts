import { afterEach, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await closeSession(session);
  session = undefined;
});

describe('signing in lands on the home of each role', () => {
  it('the demo student signs in and sees the source record 省级通过', async () => {
    session = await openBrowser();
    await login(session, 'student');
    const page = session.page;
    await expect.poll(() => page.getByRole('heading', { name: /李思远，您好/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('省级通过').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: '退出' }).isVisible()).toBe(true);
  });

  it('a wrong password shows a Chinese error and stays on the login form', async () => {
    session = await openBrowser();
    await login(session, 'school', 'not-the-password');
    const page = session.page;
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('用户名或密码错误');
    expect(await page.getByLabel('用户名').isVisible()).toBe(true);
  });

  it('the school reviewer sees review queues, on a 375 px phone screen without sideways scrolling', async () => {
    session = await openBrowser({ width: 375, height: 740 });
    await login(session, 'school');
    const page = session.page;
    await expect.poll(() => page.getByRole('heading', { name: /江苏示范大学就业处，您好/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: '生源信息' }).isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('a refresh keeps the user signed in and on the same page; 退出 signs out', async () => {
    session = await openBrowser();
    await login(session, 'employer');
    const page = session.page;
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '退出' }).click();
    await expect.poll(() => page.getByLabel('用户名').isVisible()).toBe(true);
  });
});

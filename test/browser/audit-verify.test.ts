/** The administrator opens 审计链校验 from the home page and sees the chain intact. */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await closeSession(session);
  session = undefined;
});

describe('审计链校验 (admin)', () => {
  it('the admin runs the check and reads that no event was changed or deleted', async () => {
    session = await openBrowser();
    await login(session, 'admin');
    const page = session.page;
    await page.getByRole('main').getByRole('link', { name: '审计链校验' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '审计链校验' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '开始校验' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '审计链完整' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/已检查 \d+ 条记录/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('没有发现被改动或删除的事件。').isVisible()).toBe(true);
  });
});

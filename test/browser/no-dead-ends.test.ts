import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openBrowser({ width: 375, height: 800 });
});
afterAll(async () => {
  await closeSession(s);
});

describe('an employer the centre has not verified yet', () => {
  it('is told why on the home page and on the lookup page, before typing anything, and is offered no lookup', async () => {
    const page = s.page;
    await login(s, 'employer2');
    await expect.poll(() => page.getByText('就业中心审核通过后即可查找学生').isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '查找学生并发出邀约' }).count()).toBe(0);

    await page.goto(s.baseUrl + '/students/lookup');
    const why = page.getByRole('status').filter({ hasText: '尚未通过就业中心审核' });
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await page.getByLabel('身份证号').count()).toBe(0);
    expect(await page.getByRole('button', { name: '查询' }).count()).toBe(0);
  });

  it('a verified employer finds the lookup from home and its form on the page', async () => {
    const page = s.page;
    await s.browser.clearCookies(); // signed out, whatever the header looks like
    await login(s, 'employer');
    await page.getByRole('link', { name: '查找学生并发出邀约' }).click();
    await page.waitForURL((url) => url.pathname === '/students/lookup', { timeout: 30_000 });
    // the form, or whatever the page shows instead (named in the failure, should it ever come)
    const school = page.getByRole('combobox', { name: /学校/ });
    const instead = page.getByRole('alert').or(page.getByRole('status'));
    await expect.poll(async () => (await school.isVisible()) || (await instead.first().isVisible()), { timeout: 30_000 }).toBe(true);
    expect(await school.isVisible(), await page.locator('main').innerText()).toBe(true);
    expect(await page.getByText('尚未通过就业中心审核').count()).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { agreementAwaitingCollege } from './api-setup';
import { freshIdentities } from './fresh-identities';

const fresh = freshIdentities('phones');
const PHONE = { width: 375, height: 800 };

let phone: Session;
let agreementPath: string;
beforeAll(async () => {
  const { agreementId } = await agreementAwaitingCollege(inject('baseUrl'), fresh.idNumber(), fresh.mobile());
  agreementPath = `/r/agreements/${agreementId}`;
  phone = await openBrowser(PHONE);
}, 120_000);
afterAll(async () => {
  await closeSession(phone);
});

describe('on a phone (375 px)', () => {
  it('the header is one row; 菜单 opens the modules of the home page, reaches one, and Esc closes it', async () => {
    const page = phone.page;
    await login(phone, 'employer');
    const menu = page.getByRole('button', { name: '菜单' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    const header = (await page.locator('header').boundingBox())!;
    expect(header.height).toBeLessThan(70);
    expect(await page.getByRole('button', { name: '退出' }).isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');

    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    const nav = page.getByRole('navigation', { name: '主导航' });
    // the same modules as the home cards, then the account
    expect(await nav.getByRole('link').allTextContents()).toEqual(['职位邀约', '就业协议书', '协议书修改', '解约申请']);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('职位邀约');
    expect(await page.getByRole('button', { name: '退出' }).isVisible()).toBe(true);
    expect(await page.locator('.app-menu').getByText('南京云帆信息科技有限公司（用人单位）').isVisible()).toBe(true);

    await nav.getByRole('link', { name: '就业协议书' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/r/agreements');
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.isVisible()).toBe(false);

    await menu.click();
    await expect.poll(() => nav.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => nav.isVisible()).toBe(false);
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-controls') !== null)).toBe(true);
  });

  it('a read-only agreement opens with its sections folded, each with a summary line, and is far shorter; a section opens with a tap', async () => {
    const page = phone.page;
    await page.goto(phone.baseUrl + agreementPath);
    const sections = page.locator('details.form-fold');
    await expect.poll(() => sections.count()).toBeGreaterThan(3);
    expect(await sections.evaluateAll((els) => els.every((e) => !(e as HTMLDetailsElement).open))).toBe(true);
    const job = sections.filter({ has: page.locator('summary', { hasText: '岗位与待遇' }) });
    expect(await job.locator('summary').textContent()).toContain('后端开发工程师');
    const folded = await page.evaluate(() => document.documentElement.scrollHeight);

    const salary = job.getByText('12000', { exact: false });
    expect(await salary.isVisible()).toBe(false);
    await job.locator('summary').click();
    await expect.poll(() => salary.isVisible()).toBe(true);
    expect(await job.evaluate((e) => (e as HTMLDetailsElement).open)).toBe(true);

    await sections.evaluateAll((els) =>
      els.forEach((e) => {
        (e as HTMLDetailsElement).open = true;
      }),
    );
    const unfolded = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(folded).toBeLessThan(unfolded / 3);
    // no internal detail on the record
    expect(await page.getByText('表单版本').count()).toBe(0);
  });
});

describe('on a wide screen (1280 px)', () => {
  it('the modules are a navigation bar beside the account, and records open unfolded', async () => {
    const wide = await openBrowser({ width: 1280, height: 860 });
    try {
      await login(wide, 'employer');
      const page = wide.page;
      const nav = page.getByRole('navigation', { name: '主导航' });
      await expect.poll(() => nav.isVisible()).toBe(true);
      expect(await nav.getByRole('link').allTextContents()).toEqual(['职位邀约', '就业协议书', '协议书修改', '解约申请']);
      expect(await page.getByRole('button', { name: '菜单' }).isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '退出' }).isVisible()).toBe(true);
      await nav.getByRole('link', { name: '就业协议书' }).click();
      await expect.poll(() => new URL(page.url()).pathname).toBe('/r/agreements');
      expect(await nav.getByRole('link', { name: '就业协议书' }).getAttribute('aria-current')).toBe('page');

      await page.goto(wide.baseUrl + agreementPath);
      const sections = page.locator('details.form-fold');
      await expect.poll(() => sections.count()).toBeGreaterThan(3);
      expect(await sections.evaluateAll((els) => els.every((e) => (e as HTMLDetailsElement).open))).toBe(true);
    } finally {
      await wide.close();
    }
  });
});

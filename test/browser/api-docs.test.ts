/**
 * 接口文档 (/api-docs): a school system's developer opens the reference without an account, finds
 * a route by the filter, and a link to one route opens it with its parameters and answer fields.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, openBrowser, type Session } from './browser';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('接口文档, in the browser', () => {
  it('is public and lists the routes of the OpenAPI document by group', async () => {
    const page = s.page;
    await page.goto(s.baseUrl + '/api-docs');
    await expect.poll(() => page.getByRole('heading', { name: '接口文档', level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /登录与会话/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: /记录：就业协议书（agreements）/ }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '/api/openapi.json' }).getAttribute('href')).toBe('/api/openapi.json');

    await page.getByLabel('筛选接口').fill('reset-password');
    await expect.poll(() => page.locator('.api-op summary:has(.api-method)').count()).toBe(4);
    expect(await page.locator('.api-op summary:has(.api-method)').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('/api/students/{id}/reset-password')]),
    );
  });

  it('a link to one route opens it: its parameters, and the fields its answer always has', async () => {
    const page = s.page;
    await page.goto('about:blank');
    await page.goto(s.baseUrl + '/api-docs#getApiAgreementsId');
    const card = page.locator('details#getApiAgreementsId');
    await expect.poll(() => card.getAttribute('open')).not.toBeNull();
    await expect.poll(() => card.getByText('记录编号').isVisible()).toBe(true);
    expect(await card.textContent()).toContain('AgreementDataRead');
    expect(await card.locator('li', { hasText: 'stateLabel' }).first().textContent()).toContain('必有');
  });
});

/**
 * Drafts are written when typing pauses, not on every keystroke; a reload straight after typing
 * must still find what was typed (the page writes its drafts as it goes away).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';

let session: Session | undefined;
afterEach(async () => {
  await closeSession(session);
  session = undefined;
});

describe('form drafts', () => {
  it('a reload right after typing keeps the typed value', async () => {
    session = await openBrowser();
    const { page, baseUrl } = session;
    // student3: 省级通过 with no agreement, so the offline agreement form opens
    await login(session, 'student3');
    await page.waitForURL((url) => url.pathname === '/', { timeout: 30_000 });
    await page.goto(baseUrl + '/r/agreements/new?mode=offline');
    await page.getByRole('button', { name: '下一步' }).click();
    const employerName = page.locator('[data-field="employerName"] input');
    await employerName.fill('南京草稿测试有限公司');
    await page.reload();
    await expect
      .poll(() => page.locator('[data-field="employerName"] input').inputValue(), { timeout: 30_000 })
      .toBe('南京草稿测试有限公司');
  });
});

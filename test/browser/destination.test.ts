/**
 * 毕业去向登记 in the browser (docs/architecture.md, 毕业去向登记): a 省级通过 student registers 升学
 * with a photo of the 录取通知书; the college and then the school approve it, and the student sees it
 * 已登记 with the photo attached.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvedStudent } from './api-setup';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { act, signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

const fresh = freshIdentities('destination');
/** a 1×1 PNG standing in for the phone photo of the 录取通知书 */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('毕业去向登记: 升学 with a 录取通知书 photo, through to the school', () => {
  it('the student registers, the college and the school approve, the student sees 已登记', async () => {
    const idNumber = fresh.idNumber();
    const { password } = await approvedStudent(s.baseUrl, idNumber, fresh.mobile(), '周以宁');
    const page = s.page;

    await login(s, idNumber, password);
    await page.goto(s.baseUrl + '/r/destinations/new');
    await expect.poll(() => page.getByRole('heading', { name: '新建毕业去向登记' }).isVisible()).toBe(true);
    // before registering, the student is told until when a registered destination may still change
    const deadline = /^变更截止：\d{4}-08-31（北京时间，当天仍可变更）$/;
    expect(await page.locator('.change-deadline').textContent()).toMatch(deadline);
    expect(await page.getByText('只能由学校就业部门重新开放登记').isVisible()).toBe(true);
    await page.getByRole('combobox', { name: /毕业去向/ }).selectOption('80');
    // the 升学 section appears only for 升学
    await expect.poll(() => page.getByLabel('录取学校').isVisible()).toBe(true);
    expect(await page.getByLabel('情况说明').count()).toBe(0);
    await page.getByLabel('录取学校').fill('南京大学');
    await page.getByLabel('录取专业').fill('软件工程');
    await page.getByLabel('录取层次').selectOption('1');
    await page.locator('input[type=file]').setInputFiles({ name: '录取通知书.png', mimeType: 'image/png', buffer: PHOTO });
    await expect
      .poll(() => page.getByRole('button', { name: /查看录取通知书或调档函 第 1 个附件/ }).isVisible(), { timeout: 15_000 })
      .toBe(true);
    await page.getByRole('button', { name: '提交', exact: true }).click();
    await expect.poll(() => page.locator('[data-state="college_review"]').first().isVisible(), { timeout: 15_000 }).toBe(true);
    const recordPath = new URL(page.url()).pathname;
    expect(recordPath).toMatch(/^\/r\/destinations\/[0-9a-f]+$/);
    await signOut(s);

    for (const [reviewer, action, next] of [
      ['college', '学院审核通过', 'school_review'],
      ['school', '学校审核通过', 'registered'],
    ] as const) {
      await login(s, reviewer);
      await page.goto(s.baseUrl + recordPath);
      // the reviewer sees the school and the photo itself, read from the server
      await expect.poll(() => page.getByText('南京大学').first().isVisible()).toBe(true);
      const thumb = page.getByRole('button', { name: /查看录取通知书或调档函 第 1 个附件/ }).locator('img');
      await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
      await act(s, action);
      await expect.poll(() => page.locator(`[data-state="${next}"]`).first().isVisible(), { timeout: 15_000 }).toBe(true);
      await signOut(s);
    }

    await login(s, idNumber, password);
    await page.goto(s.baseUrl + recordPath);
    await expect.poll(() => page.locator('[data-state="registered"]').first().textContent()).toBe('已登记');
    expect(await page.getByText('毕业去向已登记').isVisible()).toBe(true);
    expect(await page.locator('.change-deadline').textContent()).toMatch(deadline);
    await signOut(s);
  });

  it('the province sets a cohort’s change deadline and centre codes on 去向登记设置', async () => {
    const page = s.page;
    await login(s, 'province');
    await page.getByRole('link', { name: '去向登记设置' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: '去向登记设置' }).isVisible()).toBe(true);
    await page.getByLabel('毕业届').selectOption('2028');
    await expect.poll(() => page.getByLabel('变更截止日期').inputValue()).toBe('2028-08-31');
    await page.getByLabel('变更截止日期').fill('2028-09-15');
    await page.getByRole('checkbox', { name: '85 出国、出境' }).check();
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('已保存 2028 届：变更截止 2028-09-15，中心审核 10、85').isVisible()).toBe(true);
    const saved = await page.evaluate(async () => (await fetch('/api/destinations/settings/2028')).json());
    expect(saved).toEqual({ cohort: 2028, changeDeadline: '2028-09-15', centerCodes: ['10', '85'], set: true });
  });
});

/**
 * 用人单位注册 with its 营业执照: one empty submit flags every missing field (the account's too),
 * the licence is uploaded before there is an account, and the centre sees it when it verifies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { pickRegion, signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

const fresh = freshIdentities('registration-licence');
/** a 1×1 PNG standing in for the 营业执照 scan */
const LICENCE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** The error text shown under the labelled input, read through its aria-describedby. */
async function errorOf(label: string | RegExp): Promise<string> {
  return s.page
    .getByLabel(label)
    .first()
    .evaluate((el) => {
      const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
      return ids
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .filter((t) => /请|不能|至少|须/.test(t))
        .join(' ');
    });
}

describe('用人单位注册 with the 营业执照, in the browser', () => {
  it('an empty submit flags every missing field, the account fields included, and the licence', async () => {
    const page = s.page;
    await page.goto(s.baseUrl + '/register');
    await expect.poll(() => page.getByRole('heading', { name: '用人单位注册' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: '提交注册' }).click();

    await expect.poll(() => errorOf('用户名')).toContain('请填写用户名');
    expect(await errorOf(/^密码/)).toContain('请填写密码');
    expect(await errorOf('确认密码')).toContain('请再次输入密码');
    const summary = page.getByRole('alert').filter({ hasText: '表单有' });
    for (const label of [
      '单位名称',
      '统一社会信用代码',
      '单位性质',
      '单位行业',
      '单位所在地',
      '单位地址',
      '营业执照',
      '联系人姓名',
      '联系人手机',
    ]) {
      expect(await summary.getByRole('link', { name: label }).count(), label).toBe(1);
    }
    expect(await page.getByText('请检查标红的账号和单位信息').isVisible()).toBe(true);
    // the first thing to fix is the first field on the page
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('username');
  });

  it('a registration with its licence reaches the centre, which sees the licence when it verifies', async () => {
    const page = s.page;
    const username = fresh.username('licence');
    const code = fresh.creditCode();
    await page.goto(s.baseUrl + '/register');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel(/^密码/).fill('Welcome2027');
    await page.getByLabel('确认密码').fill('Welcome2027');
    await page.getByLabel('单位名称').fill('南京执照核验科技有限公司');
    await page.getByLabel('统一社会信用代码').fill(code);
    await page.getByLabel('单位性质').selectOption('39');
    await page.getByLabel('单位行业').selectOption('I');
    await pickRegion(s, '单位所在地', '320106');
    await page.getByLabel('单位地址').fill('江苏省南京市鼓楼区中山路 20 号');
    await page.getByLabel('联系人姓名').fill('孙经理');
    await page.getByLabel('联系人手机').fill(fresh.mobile());
    await page.locator('input[type=file]').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: LICENCE });
    // its thumbnail is shown from the browser's own copy: before sign-in the server lets nobody read the upload back
    const picked = page.getByRole('button', { name: /查看营业执照 第 1 个附件/ }).locator('img');
    await expect.poll(() => picked.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBe(1);
    expect(await picked.getAttribute('src')).toMatch(/^blob:/);
    await page.getByRole('button', { name: '提交注册' }).click();
    await expect.poll(() => page.getByText(/就业中心审核通过后即可查找学生/).isVisible(), { timeout: 15_000 }).toBe(true);
    await signOut(s);

    await login(s, 'center');
    await page
      .getByRole('region', { name: '用人单位注册' })
      .getByRole('link', { name: /^待中心审核/ })
      .click();
    await page
      .getByRole('link', { name: /南京执照核验科技有限公司/ })
      .first()
      .click();
    await expect.poll(() => page.getByText(code).first().isVisible()).toBe(true);
    // the scan itself is shown as a thumbnail, read from the server: the bytes the employer uploaded
    const thumb = page.getByRole('button', { name: /查看营业执照 第 1 个附件/ }).locator('img');
    await expect.poll(() => thumb.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    const href = await thumb.getAttribute('src');
    expect(href).toMatch(/^\/api\/files\//);
    const served = await page.evaluate(async (url) => {
      const res = await fetch(url!);
      return { status: res.status, type: res.headers.get('Content-Type'), size: (await res.arrayBuffer()).byteLength };
    }, href);
    expect(served).toEqual({ status: 200, type: 'image/png', size: LICENCE.byteLength });
    await signOut(s);
  });
});

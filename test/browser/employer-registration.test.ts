import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { act, pickRegion, signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

const fresh = freshIdentities('employer-registration');
/** a 1×1 PNG standing in for the 营业执照 scan */
const LICENCE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('用人单位注册, in the browser', () => {
  it('an employer registers, waits for the centre, is verified and may then look students up', async () => {
    const page = s.page;
    const username = fresh.username('xinghe');
    const code = fresh.creditCode();

    await page.goto(s.baseUrl + '/');
    await page.getByRole('link', { name: '注册单位账号' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '用人单位注册' }).isVisible()).toBe(true);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel(/^密码/).fill('Welcome2027');
    await page.getByLabel('确认密码').fill('Welcome2027');
    await page.getByLabel('单位名称').fill('南京星河软件有限公司');
    // a mistyped check character is caught at the field before anything is sent
    await page.getByLabel('统一社会信用代码').fill(code.slice(0, 17) + (code[17] === '0' ? '1' : '0'));
    await page.getByLabel('单位名称').focus();
    await expect
      .poll(() =>
        page
          .getByText(/统一社会信用代码无效/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    await page.getByLabel('统一社会信用代码').fill(code);
    await page.getByLabel('单位性质').selectOption('39');
    await page.getByLabel('单位行业').selectOption('I');
    await pickRegion(s, '单位所在地', '320106');
    await page.getByLabel('单位地址').fill('江苏省南京市鼓楼区中山路 18 号');
    await page.getByLabel('联系人姓名').fill('钱经理');
    await page.getByLabel('联系人手机').fill('13700002222');
    await page.locator('input[type=file]').setInputFiles({ name: '营业执照.png', mimeType: 'image/png', buffer: LICENCE });
    await expect.poll(() => page.getByRole('button', { name: /删除附件 1/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await page.getByRole('button', { name: '提交注册' }).click();

    // signed in straight away; the home page says the centre has not verified it yet
    await expect.poll(() => page.getByText(/就业中心审核通过后即可查找学生/).isVisible(), { timeout: 15_000 }).toBe(true);
    expect(await page.getByRole('link', { name: '查找学生并发出邀约' }).count()).toBe(0);
    await signOut(s);

    await login(s, 'center');
    await page
      .getByRole('region', { name: '用人单位注册' })
      .getByRole('link', { name: /^待中心审核/ })
      .click();
    await page
      .getByRole('link', { name: /南京星河软件有限公司/ })
      .first()
      .click();
    await expect.poll(() => page.getByText(code).first().isVisible()).toBe(true);
    await act(s, '审核通过');
    await expect.poll(() => page.getByText('审核通过').first().isVisible()).toBe(true);
    await signOut(s);

    await login(s, username, 'Welcome2027');
    await page.getByRole('link', { name: '查找学生并发出邀约' }).click();
    await page.locator('#lk-school').selectOption({ label: '江苏示范大学' });
    await page.getByLabel('毕业届').fill('2027');
    await page.getByRole('textbox', { name: '身份证号' }).fill('320106200503151236');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('李思远').first().isVisible()).toBe(true);
    await signOut(s);
  });
});

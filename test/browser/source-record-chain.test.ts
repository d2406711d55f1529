import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { act, signOut } from './helpers';

const fresh = freshIdentities('source-record-chain');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('生源信息核对, end to end in the browser', () => {
  it('school imports → student changes password, confirms identity, submits → school approves → province approves → home shows 省级通过', async () => {
    const page = s.page;
    const idNumber = fresh.idNumber();
    const csv =
      '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
      `周子墨,${idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,13900001111\r\n`;

    // 学校导入
    await login(s, 'school');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.goto(s.baseUrl + '/source-records/import');
    await page.locator('#import-file').setInputFiles({ name: '生源.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: '开始导入' }).click();
    const credentials = page.getByRole('region', { name: /初始密码/ });
    await expect.poll(() => credentials.getByText(idNumber).isVisible(), { timeout: 20_000 }).toBe(true);
    const row = credentials.getByRole('row').filter({ hasText: idNumber });
    const password = (await row.getByRole('cell').last().textContent())!.trim();
    expect(password).toMatch(/^[a-z0-9]{8,}$/);
    await signOut(s);

    // 学生: first login → new password → identity → check and submit
    await login(s, idNumber, password);
    await page.getByLabel('当前密码').fill(password);
    await page.getByLabel('新密码', { exact: false }).first().fill('zimo2027pass');
    await page.getByLabel('确认新密码').fill('zimo2027pass');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByLabel('身份证号').fill(idNumber);
    await page.getByLabel('手机号码').fill('13900002222');
    await page.getByRole('button', { name: '确认', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { name: /周子墨，您好/ }).isVisible()).toBe(true);
    await page.getByRole('link', { name: '请核对生源信息并提交' }).click();
    await expect.poll(() => page.getByRole('group', { name: '操作' }).isVisible()).toBe(true);
    await act(s, '提交核对', { confirm: true });
    await expect.poll(() => page.getByText('学生已核对').first().isVisible()).toBe(true);
    await signOut(s);

    // 学校审核
    await login(s, 'school');
    await page.goto(s.baseUrl + `/r/source-records?state=submitted&q=${idNumber}`);
    await page
      .getByRole('link', { name: /周子墨/ })
      .first()
      .click();
    await act(s, '学校审核通过');
    await expect.poll(() => page.getByText('学校审核通过').first().isVisible()).toBe(true);
    await signOut(s);

    // 省级审核
    await login(s, 'province');
    await page.goto(s.baseUrl + `/r/source-records?state=school_approved&q=${idNumber}`);
    await page
      .getByRole('link', { name: /周子墨/ })
      .first()
      .click();
    await act(s, '省级审核通过');
    await signOut(s);

    // the student's home now says 省级通过
    await login(s, idNumber, 'zimo2027pass');
    await expect.poll(() => page.getByRole('heading', { name: /周子墨，您好/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('省级通过').first().isVisible()).toBe(true);
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('签约码: found without giving identifiers away', () => {
  it('the student makes a code → the employer finds the student by school and code → the student sees who found them', async () => {
    const page = s.page;

    // 学生 (苏州示范学院, 省级通过): makes a code on the home page
    await login(s, 'student3');
    const card = page.getByRole('region', { name: '签约码' });
    await card.getByRole('button', { name: /生成签约码|重新生成/ }).click();
    const shown = card.locator('.signing-code-value');
    await expect.poll(() => shown.isVisible()).toBe(true);
    const code = (await shown.textContent())!.replace('-', '');
    expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(await card.getByText(/有效期至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).count()).toBe(1);
    await signOut(s);

    // 单位: looks the student up by school and code alone (no 毕业届 asked)
    await login(s, 'employer');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.goto(s.baseUrl + '/students/lookup');
    await page.locator('#lk-school').selectOption({ label: '苏州示范学院' });
    await page.getByRole('radio', { name: '签约码' }).check();
    expect(await page.getByLabel('毕业届').count()).toBe(0);
    await page.getByRole('textbox', { name: '签约码' }).fill(code.slice(0, 4) + '-' + code.slice(4).toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('陈子昂').first().isVisible()).toBe(true);
    expect(await page.getByText('**************7897').count()).toBe(1);
    expect(await page.getByText('320102200507087897').count()).toBe(0);
    await signOut(s);

    // 学生: 谁查询过我 names the employer and how it found the student
    await login(s, 'student3');
    const lookups = page.getByRole('region', { name: '谁查询过我' });
    await expect.poll(() => lookups.getByText('南京云帆信息科技有限公司').first().isVisible()).toBe(true);
    expect(await lookups.getByText('通过签约码查询').count()).toBeGreaterThan(0);
    // the code is shown in full only once: now only its last 2 characters
    await expect
      .poll(() =>
        page
          .getByRole('region', { name: '签约码' })
          .getByText(`******${code.slice(-2)}`)
          .isVisible(),
      )
      .toBe(true);
    await signOut(s);
  });
});

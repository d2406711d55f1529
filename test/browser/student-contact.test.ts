import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from '../seed';
import { closeSession, login, openBrowser, type Session } from './browser';
import { signOut } from './helpers';

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

/** a number no other browser test uses (they keep to 130–138 or the demo's own) */
const newPhone = `139${String(10_000_000 + randomInt(seededRandom('browser:student-contact'), 89_999_999)).slice(0, 8)}`;

describe('基本信息: contact details that stick', () => {
  it('the student changes their phone → an employer finds them by the new phone', async () => {
    const page = s.page;

    // 学生 (陈子昂, 省级通过): opens 基本信息 from the header, sees the identity read-only, changes the phone
    await login(s, 'student3');
    await page.getByRole('link', { name: '基本信息' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '基本信息', level: 1 }).isVisible()).toBe(true);
    const identity = page.getByRole('region', { name: '身份信息' });
    expect(await identity.getByText('320102200507087897').count()).toBe(1);
    expect(await identity.getByRole('textbox').count()).toBe(0);

    // a mistyped number is refused where it was typed, and nothing is saved
    await page.getByLabel('手机号码').fill('1381234');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText('请输入 11 位手机号码').isVisible()).toBe(true);

    await page.getByLabel('手机号码').fill(newPhone);
    await page.getByLabel('QQ').fill('20271234');
    await page.getByLabel('微信').fill('chen_ziang27');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText(/已保存：手机号码、QQ、微信已更新/).isVisible()).toBe(true);
    // it sticks: a reload shows the new number
    await page.reload();
    await expect.poll(() => page.getByLabel('手机号码').inputValue(), { timeout: 30_000 }).toBe(newPhone);
    await signOut(s);

    // 单位: finds the student by the new phone
    await login(s, 'employer');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.goto(s.baseUrl + '/students/lookup');
    await page.locator('#lk-school').selectOption({ label: '苏州示范学院' });
    await page.getByLabel('毕业届').fill('2027');
    await page.getByRole('radio', { name: '手机号', exact: true }).check();
    await page.getByRole('textbox', { name: '手机号' }).fill(newPhone);
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('陈子昂').first().isVisible()).toBe(true);
    expect(await page.getByText(`*******${newPhone.slice(-4)}`).count()).toBe(1);
    await signOut(s);
  });

  it('the sign-in page says whom to ask about a forgotten password', async () => {
    await s.page.goto(s.baseUrl + '/');
    await expect
      .poll(() => s.page.getByText('忘记密码？学生请联系所在学院或学校就业部门重置；用人单位请联系省就业中心').isVisible())
      .toBe(true);
  });
});

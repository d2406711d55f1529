import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { signOut } from './helpers';
import type { AnswerBody } from '../../worker/test/answer-body';

const fresh = freshIdentities('invitation-terms');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

/** A JSON call with the page's session, as the app makes it (same origin, so writes pass the CSRF check). */
async function call(method: string, path: string, body?: unknown): Promise<AnswerBody> {
  const res = await s.page.evaluate(
    async ({ method, path, body }) => {
      const r = await fetch(path, {
        method,
        headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: r.status, body: await r.json().catch(() => null) };
    },
    { method, path, body },
  );
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function signInByApi(username: string, password = 'demo1234') {
  await s.page.goto(s.baseUrl + '/');
  await call('POST', '/api/session', { username, password });
}

/** A new student of 江苏示范大学, imported by the school and approved up to 省级通过 (the setup, by the API). */
async function approvedStudent(): Promise<{ username: string; password: string; name: string; studentId: string }> {
  const idNumber = fresh.idNumber();
  const name = '郑书瑶';
  const csv =
    '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
    `${name},${idNumber},2,计算机科学与技术学院,软件工程,31,2027,320106,${fresh.mobile()}\r\n`;
  await signInByApi('school');
  const imported = await s.page.evaluate(async (text) => {
    const form = new FormData();
    form.append('file', new Blob([text], { type: 'text/csv' }), '生源.csv');
    const r = await fetch('/api/source-records/import', { method: 'POST', body: form });
    return r.json();
  }, csv);
  const initial = imported.credentials.find((c: { username: string }) => c.username === idNumber).password as string;
  const password = 'shuyao2027pass';
  await signInByApi(idNumber, initial);
  await call('POST', '/api/session/password', { currentPassword: initial, newPassword: password });
  await call('POST', '/api/session/identity', { idNumber, mobile: fresh.mobile() });
  const mine = (await call('GET', '/api/source-records')).items[0];
  const record = await call('GET', `/api/source-records/${mine.id}`);
  const submitted = await call('POST', `/api/source-records/${mine.id}/submit`, { version: record.version, data: record.data });
  await signInByApi('school');
  const schoolApproved = await call('POST', `/api/source-records/${mine.id}/approve`, { version: submitted.version });
  await signInByApi('province');
  await call('POST', `/api/source-records/${mine.id}/approve`, { version: schoolApproved.version });
  const studentId = (await call('GET', `/api/source-records/${mine.id}`)).studentId as string;
  return { username: idNumber, password, name, studentId };
}

const TERMS = {
  employerAddress: '江苏省南京市鼓楼区汉中路 1 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  jobCategory: '13',
  jobTitle: '数据分析师',
  workRegion: '320106',
  monthlySalary: 11000,
  socialInsurance: '1',
  contractYears: 3,
  probationMonths: 3,
  penalty: 6000,
  archiveMode: 'unit',
  archiveUnitName: '南京云帆信息科技有限公司人事部',
  archiveAddress: '江苏省南京市鼓楼区汉中路 1 号',
  archivePostcode: '210005',
  householdMode: 'stay',
};

describe('the student accepts only what they have seen', () => {
  it('terms first → the employer raises the salary → the student sees before/after → accepts in the dialog that repeats the terms → lands on the agreement', async () => {
    const page = s.page;
    const student = await approvedStudent();

    // 单位 sends the invitation
    await signInByApi('employer');
    const draft = await call('POST', '/api/invitations', { studentId: student.studentId, data: {} });
    const sent = await call('POST', `/api/invitations/${draft.id}/send`, { version: draft.version, data: { ...draft.data, ...TERMS } });
    await call('DELETE', '/api/session');

    // 学生 opens it: the terms come first, labelled as the form labels them, values as the form shows them
    await login(s, student.username, student.password);
    await page.goto(s.baseUrl + `/r/invitations/${sent.id}`);
    const terms = page.getByRole('region', { name: '邀约条款' });
    await expect.poll(() => terms.isVisible(), { timeout: 15_000 }).toBe(true);
    const termsText = (await terms.textContent())!;
    for (const text of [
      '单位名称',
      '南京云帆信息科技有限公司',
      '岗位名称',
      '数据分析师',
      '工作地点',
      '江苏省南京市鼓楼区',
      '月薪',
      '11000',
      '元/月',
      '试用期',
      '3 个月',
      '服务期',
      '3 年',
      '违约金',
      '6000 元',
      '应约截止日期',
      sent.deadline,
    ]) {
      expect(termsText).toContain(text);
    }
    // before the student's own details, and nothing flagged as changed on a first look
    const firstHeading = await page.locator('.record-main h2').first().textContent();
    expect(firstHeading).toBe('邀约条款');
    expect(await page.getByTestId('terms-changes').count()).toBe(0);
    await page.screenshot({ path: '.tmp/screens/invitation-terms-first-1280.png', fullPage: true });
    await signOut(s);

    // 单位 raises the salary
    await signInByApi('employer');
    await call('POST', `/api/invitations/${sent.id}/edit`, { version: sent.version, data: { ...sent.data, monthlySalary: 12500 } });
    await call('DELETE', '/api/session');

    // 学生: the change, field by field, and the summary marks it
    await login(s, student.username, student.password);
    await page.goto(s.baseUrl + `/r/invitations/${sent.id}`);
    const changes = page.getByRole('region', { name: /单位在您上次查看后修改了邀约/ });
    await expect.poll(() => changes.isVisible(), { timeout: 15_000 }).toBe(true);
    const salaryRow = changes.getByRole('listitem').filter({ hasText: '月薪' });
    expect(await salaryRow.locator('del').textContent()).toBe('11000 元/月');
    expect(await salaryRow.locator('ins').textContent()).toBe('12500 元/月');
    expect(await changes.getByRole('listitem').allTextContents()).toHaveLength(2); // 月薪 and the 年薪 computed from it
    expect(await page.getByRole('region', { name: '邀约条款' }).locator('.terms-changed').allTextContents()).toEqual([
      expect.stringContaining('12500'),
    ]);
    await page.screenshot({ path: '.tmp/screens/invitation-terms-changed-1280.png', fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: '.tmp/screens/invitation-terms-changed-375.png', fullPage: true });
    await page.setViewportSize({ width: 1280, height: 860 });

    // 接受邀约: the dialog repeats the terms the student is accepting, the change included
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '接受邀约' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByTestId('invitation-terms').isVisible()).toBe(true);
    const dialogText = (await dialog.textContent())!;
    for (const text of ['数据分析师', '12500', '6000 元', '3 个月', '3 年', sent.deadline]) expect(dialogText).toContain(text);
    expect(await dialog.getByTestId('terms-changes').locator('del').first().textContent()).toBe('11000 元/月');
    await page.screenshot({ path: '.tmp/screens/invitation-terms-dialog-1280.png' });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: '.tmp/screens/invitation-terms-dialog-375.png' });
    await dialog.getByRole('button', { name: '下一步' }).click();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: /确认应约/ }).click();

    // …and lands on the agreement it created, with the salary it saw
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/r/agreements/');
    await expect.poll(() => page.getByText('待学院审核').first().isVisible()).toBe(true);
    await expect.poll(() => page.getByText('已接受邀约，协议书已生成并提交学院审核').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('协议书');
    expect(await page.textContent('main')).toContain('12500');
    await page.screenshot({ path: '.tmp/screens/invitation-terms-agreement-375.png' });
    await page.setViewportSize({ width: 1280, height: 860 });
  }, 180_000);
});

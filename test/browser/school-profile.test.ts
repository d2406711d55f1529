/**
 * 学校信息 and the dispatch queue's export, in the browser: the school fills its part of the
 * agreement once, then finds it filled in on an agreement waiting for it; and 导出 CSV on the
 * dispatch queue downloads exactly what the queue's filter shows.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient } from './local-server';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { act, signOut } from './helpers';

const fresh = freshIdentities('school-profile');

const PROFILE = {
  学校就业主管部门: '江苏示范大学学生就业指导中心',
  联系人: '王老师',
  联系电话: '025-83591234',
  通讯地址: '南京市玄武区示范路 1 号',
  邮编: '210096',
};
/** The agreement's 学校意见 fields, as labelled in forms/agreement.json. */
const AGREEMENT_LABELS: Record<keyof typeof PROFILE, string> = {
  学校就业主管部门: '学校就业主管部门',
  联系人: '学校联系人',
  联系电话: '学校联系电话',
  通讯地址: '学校通讯地址',
  邮编: '学校邮编',
};

/** What a student types from a signed paper agreement (线下签约). */
const PAPER = {
  employerName: '无锡星河精密机械有限公司',
  creditCode: '91320000134765432Y',
  unitNature: '39',
  industry: 'C',
  employerRegion: '320211',
  employerAddress: '江苏省无锡市滨湖区星河路 8 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  jobCategory: '13',
  jobTitle: '工艺工程师',
  workRegion: '320211',
  monthlySalary: 9000,
  socialInsurance: '1',
  contractYears: 3,
  probationMonths: 3,
  penalty: 5000,
  archiveMode: 'unit',
  archiveUnitName: '无锡星河精密机械有限公司人事部',
  archiveAddress: '江苏省无锡市滨湖区星河路 8 号',
  archivePostcode: '214000',
  householdMode: 'stay',
};

function ok<T extends { status: number; body: unknown }>(res: T, status: number, what: string): T {
  if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.body)}`);
  return res;
}

/**
 * Through the API, as the users would: the school imports a new student, who signs in, confirms
 * and submits the source record; school and province approve; the student enters a paper agreement
 * and the college approves it — 待学校审核.
 */
async function agreementWaitingForSchool(baseUrl: string) {
  const idNumber = fresh.idNumber();
  const school = await ApiClient.signIn(baseUrl, 'school');
  const csv =
    '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
    `沈知远,${idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,${fresh.mobile()}\r\n`;
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), '生源.csv');
  const imported = ok(await school.request('POST', '/api/source-records/import', undefined, { body: form }), 200, 'import');
  const password: string = imported.body.credentials[0].password;

  const student = await ApiClient.signIn(baseUrl, idNumber, password);
  ok(
    await student.request('POST', '/api/session/password', { currentPassword: password, newPassword: 'zhiyuan2027pass' }),
    200,
    'password',
  );
  ok(await student.request('POST', '/api/session/identity', { idNumber, mobile: fresh.mobile() }), 200, 'identity');
  const sourceId: string = ok(await student.request('GET', '/api/source-records'), 200, 'list').body.items[0].id;
  const source = ok(await student.request('GET', `/api/source-records/${sourceId}`), 200, 'source').body;
  let version: number = ok(
    await student.request('POST', `/api/source-records/${sourceId}/submit`, { version: source.version, data: source.data }),
    200,
    'submit',
  ).body.version;
  version = ok(await school.request('POST', `/api/source-records/${sourceId}/approve`, { version }), 200, 'school approve').body.version;
  const province = await ApiClient.signIn(baseUrl, 'province');
  ok(await province.request('POST', `/api/source-records/${sourceId}/approve`, { version }), 200, 'province approve');

  ok(await student.request('POST', '/api/agreements/preview', { mode: 'offline', data: PAPER }), 200, 'preview');
  const agreement = ok(await student.request('POST', '/api/agreements', { mode: 'offline', data: PAPER }), 201, 'paper agreement').body;
  const college = await ApiClient.signIn(baseUrl, 'college');
  ok(await college.request('POST', `/api/agreements/${agreement.id}/approve`, { version: agreement.version }), 200, 'college approve');
  return { id: agreement.id as string, idNumber, school };
}

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('学校信息: filled once, found on every agreement waiting for the school', () => {
  let agreementId = '';
  let idNumber = '';

  it('the school fills 学校信息 from its home, then opens an agreement waiting for it and finds its part filled in', async () => {
    const waiting = await agreementWaitingForSchool(s.baseUrl);
    agreementId = waiting.id;
    idNumber = waiting.idNumber;
    const page = s.page;

    await login(s, 'school');
    await page.getByRole('link', { name: '维护学校信息' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '学校信息', level: 1 }).isVisible()).toBe(true);
    // a mistyped phone is refused where it was typed
    await page.getByLabel('联系电话').fill('83591234');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText(/区号-号码，如 025-83591234/).isVisible()).toBe(true);
    for (const [label, value] of Object.entries(PROFILE)) await page.getByLabel(label).fill(value);
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByText(/^已保存：/).isVisible()).toBe(true);

    await page.goto(`${s.baseUrl}/r/agreements/${agreementId}`);
    await expect.poll(() => page.getByText('待学校审核').first().isVisible(), { timeout: 30_000 }).toBe(true);
    const authority = page.getByLabel('学校就业主管部门');
    for (let i = 0; i < 6 && !(await authority.isVisible()); i++) await page.getByRole('button', { name: '下一步' }).click();
    for (const [key, label] of Object.entries(AGREEMENT_LABELS)) {
      await expect.poll(() => page.getByLabel(label).inputValue()).toBe(PROFILE[key as keyof typeof PROFILE]);
    }
    // this agreement's contact differs: typed here, it stays on this agreement
    await page.getByLabel('学校联系人').fill('刘老师');
    await act(s, '学校审核通过');
    await expect.poll(() => page.getByText('学校审核通过').first().isVisible(), { timeout: 30_000 }).toBe(true);
    const saved = ok(await waiting.school.request('GET', `/api/agreements/${agreementId}`), 200, 'read').body.data;
    expect(saved).toMatchObject({
      schoolAuthority: PROFILE.学校就业主管部门,
      schoolContact: '刘老师',
      schoolPhone: PROFILE.联系电话,
      schoolPostcode: PROFILE.邮编,
    });
    expect(ok(await waiting.school.request('GET', '/api/schools/me/profile'), 200, 'profile').body.profile.contact).toBe('王老师');
  }, 240_000);

  it('导出 CSV on the dispatch queue downloads the rows of the queue’s filter', async () => {
    const page = s.page;
    // the approval opened the student's dispatch record (未确认), which the default export (approved only) leaves out
    await page.goto(`${s.baseUrl}/r/dispatches`);
    await page.getByLabel('状态').selectOption({ label: '未确认' });
    await page.getByLabel('搜索').fill('星河精密');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('星河精密');
    await expect.poll(() => page.getByText('无锡星河精密机械有限公司').first().isVisible(), { timeout: 30_000 }).toBe(true);
    const listed = await page.locator('.record-list li').count();
    await expect.poll(() => page.getByText(/按当前筛选导出：「未确认」的记录（搜索「星河精密」）/).isVisible()).toBe(true);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('group', { name: '导出派遣信息' }).getByRole('link', { name: '导出 CSV' }).click(),
    ]);
    const url = new URL(download.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({ format: 'csv', state: 'unconfirmed', q: '星河精密' });
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const rows = text
      .trim()
      .split('\r\n')
      .map((line) => line.split(','));
    expect(rows[0]!.slice(0, 3)).toEqual(['考生号', '身份证号', '姓名']);
    const body = rows.slice(1);
    expect(body).toHaveLength(listed);
    expect(body.map((r) => r[1])).toContain(idNumber);
    for (const r of body) expect(r[rows[0]!.indexOf('单位名称')]).toContain('星河精密');
    await signOut(s);
  }, 120_000);
});

/**
 * The platform admin changes the dispatch form in the browser: adds a required field shown only
 * for 就业 (visible-when), watches it appear in the live preview, checks the impact and publishes.
 * A dispatch record opened afterwards uses the new version (the student sees the field, the server
 * refuses a submission without it); one opened before keeps validating against its own version.
 *
 * Files share one server, so the test ends by rolling the form back (the original content published
 * again as a further version) in the browser, with an API rollback as a safety net if it fails early.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { signOut } from './helpers';
import type { AnswerBody } from '../../worker/test/answer-body';
import { jobTerms } from '../../worker/test/job-terms';

const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const fresh = freshIdentities('form-editor');

/** The JSON API as a school system would call it, keeping the session cookie. */
class Api {
  private cookie = '';
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: unknown, form?: FormData): Promise<{ status: number; body: AnswerBody }> {
    const headers: Record<string, string> = { Origin: this.base };
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.base + path, { method, headers, body: form ?? (body === undefined ? undefined : JSON.stringify(body)) });
    for (const c of res.headers.getSetCookie()) this.cookie = c.split(';')[0]!;
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  }

  async ok(method: string, path: string, body?: unknown, form?: FormData) {
    const res = await this.call(method, path, body, form);
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  static async as(base: string, username: string, password = 'demo1234') {
    const api = new Api(base);
    await api.ok('POST', '/api/session', { username, password });
    return api;
  }
}

interface Graduate {
  api: Api;
  name: string;
  agreementId: string;
}

/** Two students the school imports; each confirms identity and source data and both reviewers approve it. */
async function importGraduates(base: string, names: string[]): Promise<Array<{ api: Api; username: string }>> {
  const school = await Api.as(base, 'school');
  const province = await Api.as(base, 'province');
  const ids = names.map(() => fresh.idNumber());
  const csv =
    '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
    names.map((n, i) => `${n},${ids[i]},1,计算机科学与技术学院,软件工程,31,2027,320106,${fresh.mobile()}\r\n`).join('');
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), '生源.csv');
  const imported = await school.ok('POST', '/api/source-records/import', undefined, form);
  const out: Array<{ api: Api; username: string }> = [];
  for (const [i, idNumber] of ids.entries()) {
    const { password } = imported.credentials.find((c: { username: string }) => c.username === idNumber);
    const student = await Api.as(base, idNumber, password);
    await student.ok('POST', '/api/session/password', { currentPassword: password, newPassword: `pw-${idNumber}` });
    await student.ok('POST', '/api/session/identity', { idNumber, mobile: `1370000${String(1000 + i)}` });
    const [source] = (await student.ok('GET', '/api/source-records')).items;
    await student.ok('POST', `/api/source-records/${source.id}/submit`, { version: source.version, data: {} });
    await school.ok('POST', `/api/source-records/${source.id}/approve`, { version: (source.version as number) + 1 });
    await province.ok('POST', `/api/source-records/${source.id}/approve`, { version: (source.version as number) + 2 });
    out.push({ api: student, username: idNumber });
  }
  return out;
}

/** The employer invites, the student accepts, the college approves: the agreement waits for the school. */
async function agreementAtSchool(base: string, student: Api, name: string): Promise<Graduate> {
  const employer = await Api.as(base, 'employer');
  const college = await Api.as(base, 'college');
  const { user } = await student.ok('GET', '/api/session');
  const draft = await employer.ok('POST', '/api/invitations', { studentId: user.scope.studentId, data: {} });
  const sent = await employer.ok('POST', `/api/invitations/${draft.id}/send`, {
    version: draft.version,
    data: { ...draft.data, ...jobTerms() },
  });
  await student.ok('POST', `/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
  const [agreement] = (await student.ok('GET', '/api/agreements?state=college_review')).items;
  await college.ok('POST', `/api/agreements/${agreement.id}/approve`, { version: 1 });
  return { api: student, name, agreementId: agreement.id };
}

/** The school approves the agreement, which opens the student's dispatch record (with the latest dispatch form). */
async function approveAtSchool(base: string, g: Graduate) {
  const school = await Api.as(base, 'school');
  await school.ok('POST', `/api/agreements/${g.agreementId}/approve`, { version: 2, data: {} });
  const [dispatch] = (await g.api.ok('GET', '/api/dispatches')).items;
  return g.api.ok('GET', `/api/dispatches/${dispatch.id}`);
}

async function photoId(student: Api): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([PHOTO], { type: 'image/png' }), '协议书.png');
  return (await student.ok('POST', '/api/files', undefined, form)).id;
}

/** The admin signs in, waits for the admin home (its 表单管理 link), and opens `path`. */
async function openAsAdmin(session: Session, path: string) {
  await login(session, 'admin');
  await expect
    .poll(() =>
      session.page
        .getByRole('main')
        .getByRole('link', { name: /表单管理/ })
        .isVisible(),
    )
    .toBe(true);
  await session.page.goto(base + path);
}

let s: Session;
let base: string;
let originalVersion = 0;
let originalDefinition: unknown;

beforeAll(async () => {
  s = await openBrowser();
  base = inject('baseUrl');
  const admin = await Api.as(base, 'admin');
  const latest = await admin.ok('GET', '/api/forms/dispatch');
  originalVersion = latest.version;
  originalDefinition = latest.definition;
});

afterAll(async () => {
  // Safety net: whatever happened above, later test files get the original dispatch form back.
  const admin = await Api.as(base, 'admin');
  const latest = await admin.ok('GET', '/api/forms/dispatch');
  if (JSON.stringify(latest.definition) !== JSON.stringify(originalDefinition)) {
    await admin.call('POST', '/api/forms/dispatch/rollback', { version: originalVersion, confirm: true });
  }
  await admin.call('DELETE', '/api/forms/dispatch/draft');
  await closeSession(s);
});

describe('表单管理: the admin changes the dispatch form without a deploy', () => {
  it('adds a required field with a visible-when rule, previews it, publishes; new records get it, older ones keep their version', async () => {
    const page = s.page;
    const [earlyGraduate, lateGraduate] = await importGraduates(base, ['钱早发', '孙后发']);
    const { api: earlyApi } = earlyGraduate!;
    const { api: lateApi, username: lateUser } = lateGraduate!;
    // one dispatch record exists before the change, one agreement waits for the school
    const early = await approveAtSchool(base, await agreementAtSchool(base, earlyApi, '钱早发'));
    expect(early.form.version).toBe(originalVersion);
    const late = await agreementAtSchool(base, lateApi, '孙后发');

    // 管理员: home → 表单管理 → the dispatch form
    await login(s, 'admin');
    await page
      .getByRole('main')
      .getByRole('link', { name: /表单管理/ })
      .click();
    const row = page.locator('tr[data-form="dispatch"]');
    await expect.poll(() => row.getByRole('cell').first().textContent()).toBe(`v${originalVersion}`);
    await row.getByRole('link', { name: /编辑/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: /编辑表单：派遣信息上报/ }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);

    // a new field in the 毕业去向 section: key, label, required, shown only for 就业 (10)
    await page.getByRole('button', { name: '在「毕业去向」添加字段' }).click();
    await page.getByLabel('字段键（英文）').fill('hukou city'); // a space is not allowed: the checker says so in place
    await expect.poll(() => page.getByText('字段键应以字母开头，只含字母、数字和下划线，最长 64 个字符').isVisible()).toBe(true);
    await expect.poll(() => page.getByText(/定义有 1 处错误/).isVisible()).toBe(true);
    await page.getByLabel('字段键（英文）').fill('hukouCity');
    await page.getByLabel('名称（中文）').fill('户口迁往城市');
    await page.getByLabel('名称（英文）').fill('Household registration city');
    await page.getByRole('checkbox', { name: '必填' }).check();
    const visible = page.getByRole('group', { name: '显示条件' });
    await visible.getByRole('button', { name: '添加条件', exact: true }).click();
    await visible.getByLabel('显示条件 条件 1 的字段').selectOption('destination');
    await visible.getByLabel('显示条件 条件 1 的运算').selectOption('==');
    await visible.getByLabel('显示条件 条件 1 的值').selectOption('10');
    await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);

    // live preview as the student in the 学生确认 step: the rule fires as the test value changes
    const preview = page.getByRole('region', { name: '实时预览' });
    await expect.poll(() => preview.getByText('毕业去向').first().isVisible()).toBe(true);
    expect(await preview.getByRole('textbox', { name: /户口迁往城市/ }).count()).toBe(0);
    await preview.getByRole('combobox', { name: /毕业去向/ }).selectOption('10');
    await expect.poll(() => preview.getByRole('textbox', { name: /户口迁往城市/ }).isVisible()).toBe(true);
    await preview.getByRole('combobox', { name: /毕业去向/ }).selectOption('46'); // 应征义务兵: not employed, no household move asked
    await expect.poll(() => preview.getByRole('textbox', { name: /户口迁往城市/ }).count()).toBe(0);

    // save, check the impact, publish (the early record is in flight and would now miss the field)
    await page.getByRole('button', { name: '检查影响并发布…' }).click();
    const dialog = page.getByRole('dialog', { name: '发布前检查' });
    await expect.poll(() => dialog.getByText('+ 户口迁往城市（hukouCity）').isVisible()).toBe(true);
    await expect.poll(() => dialog.getByText(/条受影响/).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: /确认发布/ }).click();
    await expect.poll(() => page.getByText(`已发布 v${originalVersion + 1}`).isVisible()).toBe(true);
    const published = originalVersion + 1;

    // the versions tab compares the two versions
    await page.getByRole('tab', { name: '版本与对比' }).click();
    await page.getByLabel('从', { exact: true }).selectOption(String(originalVersion));
    await page.getByLabel('到', { exact: true }).selectOption(String(published));
    await page.getByRole('button', { name: '对比' }).click();
    await expect.poll(() => page.getByText('+ 户口迁往城市（hukouCity）').isVisible()).toBe(true);
    await signOut(s);

    // a NEW dispatch record uses the new version: the student sees the field …
    const fresh = await approveAtSchool(base, late);
    expect(fresh.form.version).toBe(published);
    await login(s, lateUser, `pw-${lateUser}`);
    await page.goto(`${base}/r/dispatches/${fresh.id}`);
    await expect.poll(() => page.getByRole('textbox', { name: /户口迁往城市/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await signOut(s);

    // … and the server refuses a submission without it
    const photos = [await photoId(lateApi)];
    const refused = await lateApi.call('POST', `/api/dispatches/${fresh.id}/submit`, {
      version: fresh.version,
      data: { ...fresh.data, proofPhotos: photos },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toContainEqual(expect.objectContaining({ path: 'hukouCity', code: 'required' }));
    const accepted = await lateApi.call('POST', `/api/dispatches/${fresh.id}/submit`, {
      version: fresh.version,
      data: { ...fresh.data, proofPhotos: photos, hukouCity: '南京' },
    });
    expect(accepted.status).toBe(200);

    // the OLDER record still validates against its own version: no such field there
    const oldSubmit = await earlyApi.call('POST', `/api/dispatches/${early.id}/submit`, {
      version: early.version,
      data: { ...early.data, proofPhotos: [await photoId(earlyApi)] },
    });
    expect(oldSubmit.status).toBe(200);
    expect(oldSubmit.body.form.version).toBe(originalVersion);

    // roll back in the browser: the original content becomes the next version
    await openAsAdmin(s, '/admin/forms/dispatch');
    await page.getByRole('tab', { name: '版本与对比' }).click();
    page.on('dialog', (d) => void d.accept());
    await page
      .getByRole('row')
      .filter({ hasText: `v${originalVersion}` })
      .filter({ hasNotText: '当前' })
      .getByRole('button', { name: '回滚到此版本' })
      .click();
    await expect.poll(() => page.getByText(`已回滚：v${originalVersion} 的内容已发布为 v${published + 1}`).isVisible()).toBe(true);
    const admin = await Api.as(base, 'admin');
    const latest = await admin.ok('GET', '/api/forms/dispatch');
    expect(latest.version).toBe(published + 1);
    expect(latest.definition).toEqual(originalDefinition);
  }, 240_000);

  it('computed values, side-by-side rows, group sub-fields, own code tables and mappings are edited by picking, and a change the lifecycles depend on is refused as it is made', async () => {
    const own = await openBrowser();
    const page = own.page;
    try {
      await openAsAdmin(own, '/admin/forms/agreement');
      await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);

      // 年薪 = 月薪 × 12 opens as picks; the admin makes it × 13 without touching JSON
      await page.getByRole('button', { name: '年薪（估算）', exact: true }).click();
      const formula = page.getByRole('group', { name: '计算公式' });
      expect(await formula.getByLabel('计算公式的类型').inputValue()).toBe('*');
      expect(await formula.getByLabel('计算公式第 1 项的字段').inputValue()).toBe('monthlySalary');
      await formula.getByLabel('计算公式第 2 项的值').fill('13');
      // 月薪 and 年薪 sit side by side; 年薪 moves into a row of its own
      const annual = page.locator('li.editor-field', { has: page.getByRole('button', { name: '年薪（估算）', exact: true }) });
      await expect.poll(() => annual.getByText('第 2 行 · 并排第 2/3 个').isVisible()).toBe(true);
      await page.getByRole('button', { name: '字段「年薪（估算）」单独一行' }).click();

      // a repeatable group with two sub-fields, added in place
      await page.getByRole('button', { name: '在「岗位与待遇」添加字段' }).click();
      await page.getByLabel('字段键（英文）').last().fill('benefits');
      await page.getByLabel('名称（中文）').last().fill('福利项目');
      await page.getByLabel('类型').last().selectOption('group');
      await page.getByRole('button', { name: '在「福利项目」中添加子字段' }).click();
      await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);

      // a private code table gets a new item
      await page.getByRole('tab', { name: '表单设置' }).click();
      const table = page.getByRole('group', { name: /^代码表「/ }).first();
      await table.getByRole('button', { name: /中添加一项$/ }).click();
      await expect
        .poll(() =>
          page
            .getByText(/代码应为 1–32 个字符的字符串/)
            .first()
            .isVisible(),
        )
        .toBe(true);
      await table
        .getByLabel(/第 \d+ 项代码$/)
        .last()
        .fill('8');
      await table
        .getByLabel(/第 \d+ 项名称$/)
        .last()
        .fill('其他');
      await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);

      // the JSON view holds what was picked
      await page.getByRole('tab', { name: 'JSON' }).click();
      const json = JSON.parse(await page.getByLabel('表单定义（JSON）').inputValue());
      const fields = json.steps.flatMap((st: AnswerBody) => st.sections.flatMap((c: AnswerBody) => c.rows.flat()));
      expect(fields.find((f: AnswerBody) => f.key === 'annualSalary').computed).toEqual({ '*': [{ var: 'monthlySalary' }, 13] });
      expect(fields.find((f: AnswerBody) => f.key === 'benefits').fields).toHaveLength(2);
      const jobRows = json.steps[1].sections[1].rows.map((r: AnswerBody[]) => r.map((f) => f.key));
      expect(jobRows[1]).toEqual(['monthlySalary', 'socialInsurance']);
      expect(jobRows[2]).toEqual(['annualSalary']);

      // removing 档案转寄单位名称, which the dispatch form's mapping copies, is refused while the admin edits
      await page.getByRole('tab', { name: '页、分节与字段' }).click();
      page.once('dialog', (d) => void d.accept());
      await page.getByRole('button', { name: '删除字段「档案转寄单位名称」' }).click();
      await expect
        .poll(() => page.getByText(/不能删除字段「archiveUnitName」：「派遣信息上报」的字段映射从它带入/).isVisible(), { timeout: 10_000 })
        .toBe(true);

      // the dispatch form's mappings are rows of pickers
      await page.goto(`${base}/admin/forms/dispatch`);
      await expect.poll(() => page.getByText('定义校验通过').isVisible()).toBe(true);
      await page.getByRole('tab', { name: '表单设置' }).click();
      const mapping = page.getByRole('group', { name: '字段映射 1' });
      expect(await mapping.getByLabel('字段映射 1 第 1 行的本表单字段').inputValue()).toBe('employerName');
      expect(await mapping.getByLabel(/字段映射 1 第 1 行的来源字段/).inputValue()).toBe('employerName');
      const admin = await Api.as(base, 'admin');
      expect((await admin.ok('GET', '/api/forms/agreement/draft')).draft).toBeNull();
    } finally {
      await own.close();
    }
  }, 120_000);

  it('a draft started before another publish is shown as stale and cannot be published until it is moved onto the new version', async () => {
    const admin = await Api.as(base, 'admin');
    const latest = await admin.ok('GET', '/api/forms/termination');
    const v = latest.version as number;
    const withField = (key: string, label: string) => {
      const d = structuredClone(latest.definition);
      d.steps
        .at(-1)
        .sections.at(-1)
        .rows.push([{ key, type: 'text', label }]);
      return d;
    };
    // one admin's draft starts from v; a publish (another admin's, through the API) makes v+1 meanwhile
    await admin.ok('PUT', '/api/forms/termination/draft', { definition: withField('draftNote', '草稿备注'), baseVersion: v });
    await admin.ok('POST', '/api/forms/termination/publish', {
      definition: withField('otherNote', '他人备注'),
      baseVersion: v,
      confirm: true,
    });
    const own = await openBrowser();
    const page = own.page;
    try {
      await openAsAdmin(own, '/admin/forms/termination');
      await expect.poll(() => page.getByText(`草稿基于 v${v}，其间已发布了 v${v + 1}。`).isVisible()).toBe(true);
      await page.getByRole('button', { name: `对比 v${v} 与 v${v + 1}` }).click();
      await expect.poll(() => page.getByText('+ 他人备注（otherNote）').isVisible()).toBe(true);

      await page.getByRole('button', { name: '检查影响并发布…' }).click();
      const dialog = page.getByRole('dialog', { name: '发布前检查' });
      await expect.poll(() => dialog.getByText(/不能发布：草稿基于 v\d+ 编辑/).isVisible()).toBe(true);
      expect(await dialog.getByRole('button', { name: /确认发布/ }).isDisabled()).toBe(true);
      await dialog.getByRole('button', { name: '取消' }).click();

      await page.getByRole('button', { name: `已查看，草稿改为基于 v${v + 1}` }).click();
      await expect.poll(() => page.getByText(`草稿已更新为基于 v${v + 1}`).isVisible()).toBe(true);
      expect(await page.getByText(/其间已发布了/).count()).toBe(0);
      expect((await admin.ok('GET', '/api/forms/termination/draft')).draft.baseVersion).toBe(v + 1);
    } finally {
      await own.close();
      await admin.call('DELETE', '/api/forms/termination/draft');
      await admin.call('POST', '/api/forms/termination/rollback', { version: v, confirm: true });
    }
  }, 90_000);

  it('the editor fits a 375 px phone screen: nothing scrolls sideways but the wide tables themselves', async () => {
    const phone = await openBrowser({ width: 375, height: 800 });
    try {
      await openAsAdmin(phone, '/admin/forms/dispatch');
      await expect.poll(() => phone.page.getByText('定义校验通过').isVisible()).toBe(true);
      await phone.page.getByRole('button', { name: '毕业去向', exact: true }).click();
      await expect.poll(() => phone.page.getByRole('group', { name: '显示条件' }).isVisible()).toBe(true);
      const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  }, 60_000);
});

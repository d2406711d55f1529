import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { act, fetchAsPage, fillJobTerms, pickRegion, signOut } from './helpers';

/** A 1×1 PNG standing in for the phone photo of the stamped agreement. */
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});

/**
 * After a reviewer's approval the app moves on to the next record waiting in the queue (or back to
 * the queue): the notice there says where this one went, and opened again it shows that state.
 */
async function reviewed(path: string, state: string) {
  await expect.poll(() => s.page.getByText(`当前状态：${state}`).first().isVisible()).toBe(true);
  await s.page.goto(s.baseUrl + path);
  await expect.poll(() => s.page.getByText(state).first().isVisible()).toBe(true);
}

/** Signs in and waits for the home page's greeting. */
async function signIn(who: string) {
  await login(s, who);
  await expect.poll(() => s.page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
}

/** `who` signs in, opens the record at `path` and takes `action`; it moves on to `next`. `who` stays signed in. */
async function approve(who: string, path: string, action: string, next: string, options: { confirm?: boolean } = {}) {
  await signIn(who);
  await s.page.goto(s.baseUrl + path);
  await act(s, action, options);
  await reviewed(path, next);
}

/** 学院 then 学校 approve the record at `path` (`school`: the school's button and where it takes the record); the school reviewer stays signed in. */
async function collegeThenSchool(path: string, school = { action: '学校审核通过', next: '学校审核通过', confirm: false }) {
  await approve('college', path, '学院审核通过', '待学校审核');
  await signOut(s);
  await approve('school', path, school.action, school.next, { confirm: school.confirm });
}

/** Opens the list at `path` and the first record in it whose link matches `name`. */
async function openListed(path: string, name: RegExp) {
  await s.page.goto(s.baseUrl + path);
  await s.page.getByRole('link', { name }).first().click();
}

afterAll(async () => {
  await closeSession(s);
});

describe('线上签约, end to end in the browser', () => {
  it('employer looks up the student, invites → student accepts → college → school approve → both download the PDF', async () => {
    const page = s.page;

    // 单位: look up by ID number, add to the pending list, fill the job terms, preview, send
    await signIn('employer');
    await page.goto(s.baseUrl + '/students/lookup');
    await page.locator('#lk-school').selectOption({ label: '江苏示范大学' });
    await page.getByLabel('毕业届').fill('2027');
    await page.getByRole('textbox', { name: '身份证号' }).fill('320106200503151236');
    await page.getByRole('button', { name: '查询' }).click();
    await expect.poll(() => page.getByText('李思远').first().isVisible()).toBe(true);
    expect(await page.getByText('320106200503151236').count()).toBe(0); // masked
    await page
      .getByRole('button', { name: /加入待签约名单/ })
      .first()
      .click();
    await expect.poll(() => page.getByText('待签约名单').first().isVisible(), { timeout: 15_000 }).toBe(true);

    await page.getByRole('button', { name: '下一步' }).click();
    await fillJobTerms(s, {
      jobTitle: '后端开发工程师',
      workRegion: '320106',
      monthlySalary: '12000',
      probationMonths: '3',
      penalty: '5000',
      archiveUnitName: '南京云帆信息科技有限公司人事部',
      archiveAddress: '江苏省南京市鼓楼区汉中路 1 号',
      archivePostcode: '210005',
    });
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '预览' }).click();
    await expect.poll(() => page.getByRole('group', { name: '预览操作' }).isVisible()).toBe(true);
    await page.getByRole('group', { name: '预览操作' }).getByRole('button', { name: '发送邀约' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认发送邀约' }).click();
    await expect.poll(() => page.getByText('待应约').first().isVisible(), { timeout: 15_000 }).toBe(true);
    await signOut(s);

    // 学生: open the invitation and accept it in two steps
    await login(s, 'student');
    await openListed('/r/invitations?state=sent', /南京云帆/);
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '接受邀约' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '下一步' }).click();
    await dialog.getByRole('checkbox').check();
    await dialog.getByRole('button', { name: /确认应约/ }).click();
    // accepting lands on the agreement it created
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('/r/agreements/');
    await expect.poll(() => page.getByText('待学院审核').first().isVisible()).toBe(true);
    const agreementPath = new URL(page.url()).pathname;
    await signOut(s);

    // 学院 then 学校
    await collegeThenSchool(agreementPath);
    await signOut(s);

    // both parties download the PDF from the agreement page
    for (const who of ['student', 'employer']) {
      await signIn(who);
      await page.goto(s.baseUrl + agreementPath);
      const link = page.getByRole('link', { name: /下载协议书/ });
      await expect.poll(() => link.isVisible()).toBe(true);
      const href = (await link.getAttribute('href'))!;
      const pdf = await fetchAsPage(s, href);
      expect(pdf).toMatchObject({ status: 200, type: 'application/pdf', head: '%PDF-' });
      expect(pdf.size).toBeLessThan(150 * 1024);
      await signOut(s);
    }
  }, 180_000);

  it('派遣信息: the student confirms the prefilled record, uploads a photo of the stamped agreement, submits → college → school → centre', async () => {
    const page = s.page;
    await signIn('student');
    await openListed('/r/dispatches', /南京云帆/);
    await expect.poll(() => page.getByText('未确认').first().isVisible()).toBe(true);
    const dispatchPath = new URL(page.url()).pathname;
    // walk the wizard to the proof page; the employer was prefilled from the agreement
    const fileInput = page.locator('input[type=file]');
    for (let i = 0; i < 5 && !(await fileInput.isVisible()); i++) {
      await page.getByRole('button', { name: '下一步' }).click();
    }
    await fileInput.setInputFiles({ name: '协议书.png', mimeType: 'image/png', buffer: PHOTO });
    await expect.poll(() => page.getByRole('button', { name: /删除附件 1/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    await act(s, '保存并送审', { confirm: true });
    await expect.poll(() => page.getByText('待学院审核').first().isVisible()).toBe(true);
    await signOut(s);

    for (const [who, label, next] of [
      ['college', '学院审核通过', '待学校审核'],
      ['school', '学校审核通过', '待中心审核'],
      ['center', '中心审核通过', '报到证待打印'],
    ]) {
      await approve(who!, dispatchPath, label!, next!);
      await signOut(s);
    }
  }, 180_000);

  it('解约: the employer applies, the student consents, college and school approve; the agreement is 已解约', async () => {
    const page = s.page;
    await signIn('employer');
    await openListed('/r/agreements?state=approved', /李思远/);
    const agreementPath = new URL(page.url()).pathname;
    // the server offers what it would accept: an approved agreement is terminated, no longer amended
    await expect.poll(() => page.getByRole('link', { name: '申请解约' }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '提出协议修改' }).count()).toBe(0);
    await page.getByRole('link', { name: '申请解约' }).click();
    await page.getByLabel('解约原因').selectOption('02');
    await page.getByRole('radio', { name: /双方协商一致/ }).check();
    await page.getByLabel('备注').fill('学生另择单位，双方协商一致解除');
    await page.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByText('待对方同意').first().isVisible(), { timeout: 15_000 }).toBe(true);
    const terminationPath = new URL(page.url()).pathname;
    await signOut(s);

    await signIn('student');
    await page.goto(s.baseUrl + terminationPath);
    await act(s, '同意解约', { confirm: true });
    await expect.poll(() => page.getByText('待学院审核').first().isVisible()).toBe(true);
    // one termination at a time: the agreement offers the student no second one
    await page.goto(s.baseUrl + agreementPath);
    await expect.poll(() => page.getByText('办理记录').first().isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: '申请解约' }).count()).toBe(0);
    await signOut(s);

    await collegeThenSchool(terminationPath, { action: '学校审核通过（解约完成）', next: '解约完成', confirm: true });
    await page.goto(s.baseUrl + agreementPath);
    await expect.poll(() => page.getByText('已解约').first().isVisible()).toBe(true);
    await signOut(s);
  }, 180_000);

  it('线下签约: after the termination the student enters a paper agreement; college and school approve it', async () => {
    const page = s.page;
    await signIn('student');
    await page.getByRole('link', { name: '录入线下协议书' }).first().click();
    await expect.poll(() => page.getByRole('heading', { name: /新建/ }).isVisible()).toBe(true);
    await page.getByLabel('手机号码').fill('13812345678');
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('textbox', { name: '单位名称', exact: true }).fill('无锡星河精密机械有限公司');
    await page.getByLabel('统一社会信用代码').fill('91320000134765432Y');
    await page.getByLabel('单位性质').selectOption('39');
    await page.getByLabel('单位行业').selectOption('C');
    await pickRegion(s, '单位所在地', '320211');
    await page.getByRole('textbox', { name: '单位地址', exact: true }).fill('江苏省无锡市滨湖区蠡湖大道 100 号');
    await page.getByLabel('单位联系人').fill('钱主管');
    await page.getByLabel('联系人手机').fill('13700002222');
    await fillJobTerms(s, {
      jobTitle: '机械设计工程师',
      workRegion: '320211',
      monthlySalary: '9000',
      probationMonths: '2',
      penalty: '3000',
      archiveUnitName: '无锡星河精密机械有限公司人事部',
      archiveAddress: '江苏省无锡市滨湖区蠡湖大道 100 号',
      archivePostcode: '214000',
    });
    // 学生录入 → 预览确认（生成协议书）: the form's last button previews; nothing is submitted yet
    const submit = page.getByRole('button', { name: '预览协议书', exact: true });
    for (let i = 0; i < 3 && !(await submit.isVisible()); i++) await page.getByRole('button', { name: '下一步' }).click();
    await submit.click();
    await expect.poll(() => page.getByRole('heading', { name: /预览确认/ }).isVisible(), { timeout: 15_000 }).toBe(true);
    const number = (await page.getByTestId('preview-number').textContent())!.trim();
    expect(number).toMatch(/^\d{5}2027\d{6}$/);
    expect(await page.getByText('无锡星河精密机械有限公司人事部').first().isVisible()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/r/agreements/new');
    await page.getByRole('button', { name: '确认无误，提交学院审核' }).click();
    await expect.poll(() => page.getByText('待学院审核').first().isVisible()).toBe(true);
    const agreementPath = new URL(page.url()).pathname;
    expect(agreementPath).toMatch(/^\/r\/agreements\/[0-9a-f]+$/);
    // the agreement carries the number the preview showed
    expect(await page.locator('.record-meta').textContent()).toContain(number);
    await signOut(s);

    await collegeThenSchool(agreementPath);
    await expect.poll(() => page.getByText('线下').first().isVisible()).toBe(true);
    await signOut(s);
  }, 180_000);

  it("a phone's large photo is downscaled in the browser before upload, so it fits the limit", async () => {
    const page = s.page;
    await signIn('student');
    // the approved offline agreement opened a new dispatch record
    await openListed('/r/dispatches?state=unconfirmed', /无锡星河/);
    const fileInput = page.locator('input[type=file]');
    for (let i = 0; i < 5 && !(await fileInput.isVisible()); i++) await page.getByRole('button', { name: '下一步' }).click();
    // a 4000 × 3000 noisy PNG: far over the 10 MB upload limit as it is
    const original = await page.evaluate(async () => {
      const canvas = document.createElement('canvas');
      canvas.width = 4000;
      canvas.height = 3000;
      const ctx = canvas.getContext('2d')!;
      const img = ctx.createImageData(4000, 3000);
      let x = 2463534242; // xorshift32: noise PNG cannot compress
      for (let i = 0; i < img.data.length; i += 4) {
        x ^= x << 13;
        x ^= x >>> 17;
        x ^= x << 5;
        img.data[i] = x & 255;
        img.data[i + 1] = (x >>> 8) & 255;
        img.data[i + 2] = (x >>> 16) & 255;
        img.data[i + 3] = 255;
      }
      ctx.putImageData(img, 0, 0);
      const blob = await new Promise<Blob>((r) => canvas.toBlob((b) => r(b!), 'image/png'));
      const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], 'IMG_20270601.png', { type: 'image/png' }));
      input.files = transfer.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return blob.size;
    });
    expect(original).toBeGreaterThan(10 * 1024 * 1024);
    await expect.poll(() => page.getByRole('button', { name: /删除附件 1/ }).isVisible(), { timeout: 30_000 }).toBe(true);
    // the upload shows as its thumbnail, which is the stored file
    const href = (await page
      .getByRole('button', { name: /查看证明材料照片 第 1 个附件/ })
      .locator('img')
      .getAttribute('src'))!;
    const stored = await page.evaluate(async (url) => {
      const res = await fetch(url);
      const blob = await res.blob();
      const bitmap = await createImageBitmap(blob);
      return { type: res.headers.get('content-type'), size: blob.size, width: bitmap.width, height: bitmap.height };
    }, href);
    expect(stored).toMatchObject({ type: 'image/jpeg', width: 2560, height: 1920 });
    expect(stored.size).toBeLessThan(original);
  }, 120_000);
});

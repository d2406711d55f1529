/**
 * Signing season at a college: the reviewer opens the first dispatch of the 待学院审核 queue, looks at
 * the student's proof photo full size, returns the record with a reason picked from the list, lands
 * on the next waiting dispatch, approves it, and is back on the queue with 「已全部处理」.
 * With SCREENS_DIR set, it also saves the reject dialog, the record and the viewer at 1280 and 375 px.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import type { AnswerBody } from '../../worker/test/answer-body';

const fresh = freshIdentities('review-flow');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

/** A plain API client with its own session, for setting the stage the way the users would. */
class Api {
  private cookie = '';
  constructor(private readonly base: string) {}
  async call(method: string, path: string, body?: unknown): Promise<AnswerBody> {
    const headers: Record<string, string> = { Origin: this.base };
    if (this.cookie) headers.Cookie = this.cookie;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await fetch(this.base + path, { method, headers, body: payload });
    const set = res.headers.get('set-cookie');
    if (set) this.cookie = set.split(';')[0]!;
    const json = await res.json().catch(() => null);
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }
  static async as(base: string, username: string, password = 'demo1234') {
    const api = new Api(base);
    await api.call('POST', '/api/session', { username, password });
    return api;
  }
}

/** A photo of a stamped page: a light sheet with dark lines, as a real PNG of 480×320. */
function proofPhoto(): Buffer {
  const w = 480,
    h = 320;
  const raw = Buffer.alloc((w * 3 + 1) * h);
  for (let y = 0; y < h; y++) {
    raw[y * (w * 3 + 1)] = 0;
    for (let x = 0; x < w; x++) {
      const line = y > 40 && y < 280 && y % 24 < 3 && x > 40 && x < 440;
      const stamp = (x - 380) ** 2 + (y - 240) ** 2 < 45 ** 2 && (x - 380) ** 2 + (y - 240) ** 2 > 38 ** 2;
      const [r, g, b] = stamp ? [200, 30, 30] : line ? [60, 70, 90] : [246, 244, 236];
      raw.set([r, g, b], y * (w * 3 + 1) + 1 + x * 3);
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const PAPER = {
  employerName: '无锡审流精密机械有限公司',
  creditCode: '91320000134765432Y',
  unitNature: '39',
  industry: 'C',
  employerRegion: '320211',
  employerAddress: '江苏省无锡市滨湖区太湖大道 1 号',
  contactName: '赵经理',
  contactPhone: '13600001111',
  jobCategory: '13',
  jobTitle: '机械设计工程师',
  workRegion: '320211',
  monthlySalary: 9000,
  socialInsurance: '1',
  contractYears: 3,
  probationMonths: 3,
  penalty: 5000,
  archiveMode: 'unit',
  archiveUnitName: '无锡星河精密机械有限公司人事部',
  archiveAddress: '江苏省无锡市滨湖区太湖大道 1 号',
  archivePostcode: '214000',
  householdMode: 'stay',
};

/** Two students of 计算机科学与技术学院, each with a dispatch and its proof photo waiting for the college. */
async function twoDispatchesWaiting(base: string, names: string[]): Promise<string[]> {
  const school = await Api.as(base, 'school');
  const people = names.map((name) => ({ name, idNumber: fresh.idNumber(), mobile: fresh.mobile() }));
  const csv =
    '\uFEFF姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n' +
    people.map((p) => `${p.name},${p.idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,${p.mobile}\r\n`).join('');
  const form = new FormData();
  form.set('file', new Blob([csv], { type: 'text/csv' }), '生源.csv');
  const imported = await school.call('POST', '/api/source-records/import', form);
  const province = await Api.as(base, 'province');
  const college = await Api.as(base, 'college');
  const ids: string[] = [];
  for (const p of people) {
    const password = imported.credentials.find((c: { username: string }) => c.username === p.idNumber).password;
    const student = await Api.as(base, p.idNumber, password);
    await student.call('POST', '/api/session/password', { currentPassword: password, newPassword: 'review2027pass' });
    await student.call('POST', '/api/session/identity', { idNumber: p.idNumber, mobile: p.mobile });
    const source = (await student.call('GET', '/api/source-records')).items[0];
    const view = await student.call('GET', `/api/source-records/${source.id}`);
    const submitted = await student.call('POST', `/api/source-records/${source.id}/submit`, { version: view.version, data: view.data });
    const schoolOk = await school.call('POST', `/api/source-records/${source.id}/approve`, { version: submitted.version });
    await province.call('POST', `/api/source-records/${source.id}/approve`, { version: schoolOk.version });
    // 学生录入 → 预览确认 → 提交
    await student.call('POST', '/api/agreements/preview', { mode: 'offline', data: PAPER });
    const agreement = await student.call('POST', '/api/agreements', { mode: 'offline', data: PAPER });
    const collegeOk = await college.call('POST', `/api/agreements/${agreement.id}/approve`, { version: agreement.version });
    await school.call('POST', `/api/agreements/${agreement.id}/approve`, { version: collegeOk.version, data: {} });
    const dispatch = await student.call('GET', `/api/dispatches/${(await student.call('GET', '/api/dispatches')).items[0].id}`);
    const upload = new FormData();
    upload.set('file', new Blob([new Uint8Array(proofPhoto())], { type: 'image/png' }), '协议书.png');
    const photo = await student.call('POST', '/api/files', upload);
    await student.call('POST', `/api/dispatches/${dispatch.id}/submit`, {
      version: dispatch.version,
      data: { ...dispatch.data, proofPhotos: [photo.id] },
    });
    ids.push(dispatch.id);
  }
  return ids;
}

async function screens(name: string) {
  const dir = process.env.SCREENS_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  for (const width of [1280, 375]) {
    await s.page.setViewportSize({ width, height: width === 375 ? 740 : 860 });
    await s.page.waitForTimeout(200);
    await s.page.screenshot({ path: join(dir, `review-flow-${name}-${width}.png`), fullPage: true });
  }
  await s.page.setViewportSize({ width: 1280, height: 860 });
}

describe('审核: a college reviewer works through the 待学院审核 dispatch queue', () => {
  it('views the proof photo full size, returns one with a picked reason, lands on the next, approves it, and is told all are done', async () => {
    const page = s.page;
    const names = ['欧阳明月', '欧阳晓星'];
    const [older, newer] = await twoDispatchesWaiting(s.baseUrl, names);

    await login(s, 'college');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    // the queue: waiting dispatches of this company's hires (the search is by student or company name)
    await page.goto(s.baseUrl + `/r/dispatches?state=college_review&q=${encodeURIComponent('审流精密')}`);
    // newest first
    await page.getByRole('link', { name: /欧阳晓星/ }).click();
    await expect.poll(() => page.url()).toContain(`/r/dispatches/${newer}?queue=`);

    // the proof photo is a thumbnail that opens full size; Esc closes the viewer
    const thumb = page.getByRole('button', { name: '查看证明材料照片 第 1 个附件' });
    await expect.poll(() => thumb.isVisible()).toBe(true);
    await expect.poll(() => thumb.locator('img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    await screens('record');
    await thumb.click();
    const viewer = page.getByRole('dialog', { name: /证明材料照片（1 \/ 1）/ });
    await expect.poll(() => viewer.isVisible()).toBe(true);
    const full = viewer.getByRole('img', { name: /原图/ });
    await expect.poll(() => full.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(480);
    await screens('viewer');
    await page.keyboard.press('Escape');
    await expect.poll(() => viewer.isVisible()).toBe(false);
    await expect.poll(() => thumb.evaluate((el) => el === document.activeElement)).toBe(true);

    // 退回 with a reason picked from the list
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '退回学生', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: /退回学生：请选择或填写原因/ });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: '确认退回学生' }).click();
    await expect.poll(() => dialog.getByRole('alert').textContent()).toBe('请选择一个常用原因，或填写理由');
    await dialog.getByRole('radio', { name: '证明材料照片不清晰' }).check();
    await screens('reject-dialog');
    await dialog.getByRole('button', { name: '确认退回学生' }).click();

    // the next waiting dispatch of the same queue opens, with the result shown there
    await expect.poll(() => page.url()).toContain(`/r/dispatches/${older}?queue=`);
    await expect.poll(() => page.getByText('已退回学生，当前状态：已退回，已为您打开下一条待处理记录').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('欧阳明月').first().isVisible()).toBe(true);
    const returned = await page.evaluate(async (id) => (await fetch(`/api/dispatches/${id}`)).json(), newer);
    expect(returned.state).toBe('returned');
    expect(returned.timeline.at(-1)).toMatchObject({ action: 'reject', reason: '证明材料照片不清晰' });

    // the last one: approved, and back on the queue, told all are done
    await page.getByRole('group', { name: '操作' }).getByRole('button', { name: '学院审核通过', exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/r/dispatches');
    expect(new URL(page.url()).searchParams.get('state')).toBe('college_review');
    await expect.poll(() => page.getByText(/已全部处理/).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('没有符合条件的记录').isVisible()).toBe(true);
  }, 180_000);
});

import { readFileSync } from 'node:fs';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';

const people = freshIdentities('roster-as-typed');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

describe('生源导入 of a roster typed as registrars type it', () => {
  it("27 students of the registrar's Excel file are imported; the problem table names each refused student, the column, the value and what is accepted; the problem list downloads as the refused rows plus 问题", async () => {
    const page = s.page;
    await login(s, 'school');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.goto(s.baseUrl + '/source-records/import');
    // the Excel file as the registrar saved it (the CSV twin goes through the same import in the worker tests)
    await page.locator('#import-file').setInputFiles({
      name: '生源.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: readFileSync('test/fixtures/roster-as-typed.xlsx'),
    });
    await page.getByRole('button', { name: '开始导入' }).click();

    const result = page.getByRole('region', { name: '导入结果' });
    await expect.poll(() => result.getByRole('definition').first().textContent(), { timeout: 30_000 }).toBe('27');
    const problems = result.getByRole('table');
    const mars = problems.getByRole('row').filter({ hasText: '朱梓萱' });
    await expect.poll(() => mars.textContent()).toContain('火星市奥林匹斯区');
    const cells = await mars.getByRole('cell').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['21', '朱梓萱', '440305200503169227', '生源所在地', '火星市奥林匹斯区']);
    expect(cells[6]).toContain('江苏省南京市玄武区');
    expect(await problems.getByRole('row').filter({ hasText: '马思远' }).getByRole('cell').nth(3).textContent()).toBe('身份证号');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载问题清单（CSV）' }).click();
    const text = readFileSync(await (await download).path(), 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      '姓名,性别,身份证号,出生日期,民族,政治面貌,学号,学院,专业,学历,培养方式,学制,毕业届,入学日期,毕业日期,生源所在地,手机号码,电子邮箱,问题',
    );
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('朱梓萱,女,');
    expect(lines[3]).toContain('火星市奥林匹斯区');
  });
});

describe('the Excel template a registrar downloads, fills and imports', () => {
  it('downloads with dropdown lists and instructions; a student typed under the example is imported and the example is skipped', async () => {
    const page = s.page;
    await page.goto(s.baseUrl + '/source-records/import');
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载 Excel 模板' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('生源导入模板.xlsx');
    const book = XLSX.read(readFileSync(await file.path()), { type: 'buffer' });
    expect(book.SheetNames).toEqual(['生源信息', '可选值', '填写说明']);

    // the registrar types one student in row 3, as people type: labels, a region name, a phone with spaces
    const [header, example] = XLSX.utils.sheet_to_json<string[]>(book.Sheets['生源信息']!, { header: 1, raw: false, defval: '' });
    const idNumber = people.idNumber();
    const mobile = people.mobile();
    const typed: Record<string, string> = {
      '姓名*': '司马相如',
      '身份证号*': idNumber,
      '性别*': '男',
      民族: '汉',
      '生源所在地*': '南京 鼓楼区',
      '手机号码*': `${mobile.slice(0, 3)} ${mobile.slice(3, 7)} ${mobile.slice(7)}`,
      学号: '',
      考生号: '',
    };
    const row = header!.map((h, i) => typed[h] ?? example![i]);
    XLSX.utils.sheet_add_aoa(book.Sheets['生源信息']!, [row], { origin: 'A3' });
    const filled = XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Buffer;

    await page
      .locator('#import-file')
      .setInputFiles({ name: '生源.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: filled });
    await page.getByRole('button', { name: '开始导入' }).click();
    const result = page.getByRole('region', { name: '导入结果' });
    await expect.poll(() => result.getByRole('definition').first().textContent(), { timeout: 30_000 }).toBe('1');
    const skipped = result.getByRole('table').getByRole('row').filter({ hasText: '示例行' });
    expect(await skipped.getByRole('cell').first().textContent()).toBe('2');
    await expect.poll(() => page.locator('main').textContent()).toContain(idNumber);
  });
});

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, openBrowser, type Session } from './browser';

let s: Session;
beforeAll(async () => { s = await openBrowser(); });
afterAll(async () => { await s?.close(); });

describe('生源导入 of a roster typed as registrars type it', () => {
  it('27 students are imported; the problem table names each refused student, the column, the value and what is accepted; the problem list downloads as the refused rows plus 问题', async () => {
    const page = s.page;
    await login(s, 'school');
    await expect.poll(() => page.getByRole('heading', { name: /您好/ }).isVisible()).toBe(true);
    await page.goto(s.baseUrl + '/source-records/import');
    await page.locator('#import-file').setInputFiles({ name: '生源.csv', mimeType: 'text/csv', buffer: readFileSync('test/fixtures/roster-as-typed.csv') });
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
    const lines = text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('姓名,性别,身份证号,出生日期,民族,政治面貌,学号,学院,专业,学历,培养方式,学制,毕业届,入学日期,毕业日期,生源所在地,手机号码,电子邮箱,问题');
    expect(lines).toHaveLength(4);
    expect(lines[3]).toContain('朱梓萱,女,');
    expect(lines[3]).toContain('火星市奥林匹斯区');
  });
});

/**
 * A registrar downloads the import template, fills it and imports it again: the template carries
 * the school's own colleges, the example row is never imported, and a student typed under it is.
 */
import * as XLSX from '@e965/xlsx';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { uniqueIdNumber, uniqueMobile } from '../test/fixtures';
import { upload } from '../test/roster-import';

const TEMPLATE = '/api/source-records/import-template';

async function collegesOf(schoolId: string): Promise<string[]> {
  const { results } = await env.DB.prepare('SELECT name FROM colleges WHERE school_id = ?').bind(schoolId).all<{ name: string }>();
  return results.map((r) => r.name);
}

async function templateRows(school: TestClient, format: 'csv' | 'xlsx'): Promise<{ res: Response; book: XLSX.WorkBook; rows: string[][] }> {
  const res = await school.download(`${TEMPLATE}?format=${format}`);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  const book = format === 'xlsx' ? XLSX.read(bytes, { type: 'array' }) : XLSX.read(new TextDecoder().decode(bytes), { type: 'string' });
  const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets[book.SheetNames[0]!]!, { header: 1, raw: false, defval: '' });
  return { res, book, rows };
}

/** The template with the example row followed by one student of our own. */
function filled(rows: string[][], student: Record<string, string>): string[][] {
  const [header, example] = rows;
  const mine = header!.map((h, i) => student[h.replace(/\*$/, '')] ?? example![i]!);
  return [header!, example!, mine];
}

function xlsxOf(rows: string[][]): Uint8Array {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), '生源信息');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

describe('生源导入模板 (the import template a registrar downloads)', () => {
  it("the XLSX has Chinese headers, an example with one of this school's colleges, the allowed values and instructions", async () => {
    const school = await TestClient.as('school');
    const { res, book, rows } = await templateRows(school, 'xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('Content-Disposition')).toContain(encodeURIComponent('生源导入模板.xlsx'));
    expect(book.SheetNames).toEqual(['生源信息', '可选值', '填写说明']);
    const [header, example] = rows;
    expect(header).toEqual(expect.arrayContaining(['姓名*', '身份证号*', '性别*', '学院*', '生源所在地*', '手机号码*', '民族']));
    const names = await collegesOf('sch-1');
    expect(names).toContain(example![header!.indexOf('学院*')]);
    const choices = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['可选值']!, { defval: '' });
    expect(
      choices
        .map((r) => r['学院'])
        .filter(Boolean)
        .sort(),
    ).toEqual([...names].sort());
    expect(choices.map((r) => r['性别']).filter(Boolean)).toEqual(['男', '女']);

    // another school's template lists its own colleges, none of this one's
    const other = await templateRows(await TestClient.as('school2'), 'xlsx');
    const otherColleges = XLSX.utils
      .sheet_to_json<Record<string, string>>(other.book.Sheets['可选值']!, { defval: '' })
      .map((r) => r['学院'])
      .filter(Boolean);
    expect(otherColleges.sort()).toEqual((await collegesOf('sch-2')).sort());
    expect(otherColleges.some((n) => names.includes(n!))).toBe(false);
  });

  it('the CSV is the same header and example row', async () => {
    const school = await TestClient.as('school');
    const csv = await templateRows(school, 'csv');
    const xlsx = await templateRows(school, 'xlsx');
    expect(csv.res.headers.get('Content-Type')).toContain('text/csv');
    expect(csv.rows.map((r) => r.map((c) => c.trim()))).toEqual(xlsx.rows.slice(0, 2));
    // without ?format the answer stays the CSV it always was
    const plain = await school.get(TEMPLATE);
    expect(plain.headers.get('Content-Type')).toContain('text/csv');
  });

  it('imported as downloaded, it creates nobody and says the example row was skipped', async () => {
    const school = await TestClient.as('school');
    const bytes = new Uint8Array(await (await school.download(`${TEMPLATE}?format=xlsx`)).arrayBuffer());
    const res = await upload(school, bytes, 'template.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 0, updated: 0, credentials: [] });
    expect(res.body.errors).toEqual([expect.objectContaining({ row: 2, field: 'idNumber', message: expect.stringContaining('示例行') })]);
    expect(res.body.errors[0].accepted).toBeUndefined();
  });

  it('filled under the example, in either format, it creates exactly the student typed there', async () => {
    const school = await TestClient.as('school');
    for (const format of ['xlsx', 'csv'] as const) {
      const { rows } = await templateRows(school, format);
      const idNumber = uniqueIdNumber();
      const grid = filled(
        rows.map((r) => r.map((c) => c.trim())),
        { 姓名: '欧阳娜娜', 身份证号: idNumber, 手机号码: uniqueMobile(), 学号: '', 考生号: '' },
      );
      const res = await upload(school, xlsxOf(grid), `filled.${format}.xlsx`);
      expect(res.body.created, format).toBe(1);
      expect(res.body.credentials.map((c: { username: string }) => c.username)).toEqual([idNumber]);
      expect(res.body.errors.map((e: { row: number }) => e.row)).toEqual([2]);
    }
  });

  it('is only for a school reviewer, and an unknown format is a clear 400', async () => {
    for (const who of ['college', 'student', 'employer', 'center', 'province', 'admin']) {
      const res = await (await TestClient.as(who)).get(`${TEMPLATE}?format=xlsx`);
      expect(res.status, who).toBe(403);
    }
    const bad = await (await TestClient.as('school')).get(`${TEMPLATE}?format=xls`);
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_format', fields: [{ path: 'format' }] });
  });
});

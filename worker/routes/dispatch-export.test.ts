import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { demo, dispatchIn } from '../test/scenarios';
import { workerFetch } from '../test/worker-fetch';

const ORIGIN = 'https://wangqian.test';
const CALC = "=cmd|' /C calc'!A0";

/** What the student typed into the dispatch form, each a classic spreadsheet formula payload. */
const TYPED = {
  householdAddress: CALC,
  archiveAddress: "@SUM(1+9)*cmd|' /C calc'!A0",
  employerName: "-2+3+cmd|' /C calc'!A0",
  contactName: '+1+1',
};

/** A student types formulas into the dispatch form; college, school and centre approve it. */
async function approvedDispatchWithFormulas() {
  const d = await dispatchIn('unconfirmed');
  const submitted = await d.student.post(`/api/dispatches/${d.id}/submit`, { version: d.version, data: { ...d.data, ...TYPED } });
  expect(submitted.status).toBe(200);
  expect(submitted.body.data).toMatchObject(TYPED);
  let version: number = submitted.body.version;
  for (const reviewer of ['college', 'school', 'center']) {
    const approved = await (await demo(reviewer)).post(`/api/dispatches/${d.id}/approve`, { version });
    expect(approved.status).toBe(200);
    version = approved.body.version;
  }
  return d.fixture.idNumber;
}

/** The export as bytes (TestClient reads bodies as text), signed in as the centre. */
async function exportAs(format: 'csv' | 'xlsx'): Promise<Response> {
  const login = await workerFetch(
    new Request(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'center', password: 'demo1234' }),
    }),
  );
  const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  return workerFetch(new Request(`${ORIGIN}/api/dispatches/export?format=${format}`, { headers: { Cookie: cookie } }));
}

describe('派遣方案导出: what a student typed never runs as a formula in Excel', () => {
  it("the CSV holds '=cmd… as text: every formula-looking cell starts with a quote", async () => {
    const idNumber = await approvedDispatchWithFormulas();
    const res = await exportAs('csv');
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for Chinese text
    const rows = Papa.parse<string[]>(new TextDecoder().decode(bytes), { delimiter: ',', newline: '\r\n', skipEmptyLines: true }).data;
    const header = rows[0];
    const mine = rows.find((r) => r[header!.indexOf('身份证号')] === idNumber)!;
    expect(mine[header!.indexOf('户口迁转地址')]).toBe(`'${CALC}`);
    expect(mine[header!.indexOf('档案转寄单位地址')]).toBe(`'${TYPED.archiveAddress}`);
    expect(mine[header!.indexOf('单位名称')]).toBe(`'${TYPED.employerName}`);
    expect(mine[header!.indexOf('单位联系人')]).toBe("'+1+1");
    // no cell of the whole file starts a formula
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('the XLSX writes the same text as plain string cells, never formulas', async () => {
    const idNumber = await approvedDispatchWithFormulas();
    const res = await exportAs('xlsx');
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array', cellFormula: true });
    const sheet = book.Sheets['派遣方案']!;
    const rows = XLSX.utils.sheet_to_json<string[]>(sheet, { header: 1, raw: true });
    const header = rows[0];
    const r = rows.findIndex((row) => row[header!.indexOf('身份证号')] === idNumber);
    expect(r).toBeGreaterThan(0);
    const cellAt = (label: string) => sheet[XLSX.utils.encode_cell({ r, c: header!.indexOf(label) })] as XLSX.CellObject;
    const household = cellAt('户口迁转地址');
    expect(household).toMatchObject({ t: 's', v: CALC });
    expect(household.f).toBeUndefined();
    expect(cellAt('档案转寄单位地址')).toMatchObject({ t: 's', v: TYPED.archiveAddress });
    expect(cellAt('单位联系人')).toMatchObject({ t: 's', v: '+1+1' });
    // and no cell of the workbook carries a formula
    const formulas = Object.keys(sheet).filter((k) => !k.startsWith('!') && (sheet[k] as XLSX.CellObject).f !== undefined);
    expect(formulas).toEqual([]);
  });
});

/**
 * What we add to a SheetJS workbook is read back by a second, independent library (exceljs), the
 * way Excel and WPS would find it: dropdowns, prompts, text columns, widths, a frozen header.
 */
import * as XLSX from '@e965/xlsx';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { sheetRange, withSheetExtras } from './xlsx-sheet-extras';

function book(rows: string[][], extraSheets: Array<[string, string[][]]> = []): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), 'Sheet1');
  for (const [name, data] of extraSheets) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(data), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

function sheetXml(bytes: Uint8Array, n = 1): string {
  const zip = XLSX.CFB.read(bytes, { type: 'array' });
  return new TextDecoder().decode(XLSX.CFB.find(zip, `/xl/worksheets/sheet${n}.xml`)!.content as Uint8Array);
}

describe('a workbook with sheet extras', () => {
  const plain = book(
    [
      ['姓名', '性别', '身份证号'],
      ['张三', '男', '320102200503140005'],
    ],
    [["选项's", [['性别'], ['男'], ['女']]]],
  );

  it('offers a dropdown whose list is a range of another sheet, and keeps what the workbook held', async () => {
    const out = withSheetExtras(plain, 0, {
      validations: [
        {
          sqref: 'B2:B100',
          type: 'list',
          source: sheetRange("选项's", 0, 2, 3),
          promptTitle: '性别',
          prompt: '可在下拉列表中选择',
          error: '不在可选值中',
        },
      ],
    });
    const wb = await load(out);
    const sheet = wb.getWorksheet('Sheet1')!;
    expect(sheet.getCell('A2').value).toBe('张三');
    expect(wb.getWorksheet("选项's")!.getCell('A3').value).toBe('女');
    for (const ref of ['B2', 'B57', 'B100']) {
      expect(sheet.getCell(ref).dataValidation).toMatchObject({
        type: 'list',
        formulae: ["'选项''s'!$A$2:$A$3"],
        allowBlank: true,
        showErrorMessage: true,
        errorStyle: 'warning',
        promptTitle: '性别',
        prompt: '可在下拉列表中选择',
        error: '不在可选值中',
      });
    }
    expect(sheet.getCell('B101').dataValidation).toBeUndefined();
    expect(sheet.getCell('A2').dataValidation).toBeUndefined();
  });

  it('writes a prompt-only validation for a column without a list', async () => {
    const out = withSheetExtras(plain, 0, { validations: [{ sqref: 'C2:C10', type: 'none', promptTitle: '身份证号', prompt: '18 位' }] });
    const cell = (await load(out)).getWorksheet('Sheet1')!.getCell('C5');
    expect(cell.dataValidation).toMatchObject({ showInputMessage: true, promptTitle: '身份证号', prompt: '18 位' });
    expect(cell.dataValidation.type).not.toBe('list');
  });

  it('keeps text columns as text (styled column and every written cell) and sets widths', async () => {
    const out = withSheetExtras(plain, 0, { widths: [8, 6, 22], textColumns: [2] });
    const sheet = (await load(out)).getWorksheet('Sheet1')!;
    expect(sheet.getColumn(3).numFmt).toBe('@');
    expect(sheet.getCell('C2').numFmt).toBe('@');
    expect(sheet.getCell('C2').value).toBe('320102200503140005');
    expect(sheet.getColumn(1).numFmt).toBeUndefined();
    expect(sheet.getColumn(3).width).toBeCloseTo(22.83, 1);
  });

  it('freezes the header row', async () => {
    const sheet = (await load(withSheetExtras(plain, 0, { freezeHeader: true }))).getWorksheet('Sheet1')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it("escapes text and keeps Excel's lengths: title 32, prompt 255, error 225 characters", async () => {
    const long = '字'.repeat(400);
    const out = withSheetExtras(plain, 0, {
      validations: [
        {
          sqref: 'A2:A3',
          type: 'list',
          source: sheetRange('S', 0, 2, 3),
          promptTitle: `<&">${long}`,
          prompt: `a<b & "c"${long}`,
          error: long,
        },
      ],
    });
    const v = (await load(out)).getWorksheet('Sheet1')!.getCell('A2').dataValidation;
    expect(Array.from(v.promptTitle!)).toHaveLength(32);
    expect(v.promptTitle!.startsWith('<&">')).toBe(true);
    expect(Array.from(v.prompt!)).toHaveLength(255);
    expect(v.prompt!.startsWith('a<b & "c"')).toBe(true);
    expect(Array.from(v.error!)).toHaveLength(225);
    expect(v.prompt!.endsWith('…')).toBe(true);
  });

  it('puts each element where the worksheet schema wants it (validations before ignoredErrors, cols before sheetData)', () => {
    const xml = sheetXml(
      withSheetExtras(plain, 0, {
        widths: [8],
        textColumns: [2],
        freezeHeader: true,
        validations: [{ sqref: 'B2:B3', type: 'none', prompt: 'x' }],
      }),
    );
    const at = (tag: string) => xml.indexOf(`<${tag}`);
    const order = ['sheetViews', 'cols', 'sheetData', 'dataValidations', 'ignoredErrors'].map(at);
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(xml.match(/<cols>/g)).toHaveLength(1);
  });

  it('leaves the other sheets and the cells as SheetJS reads them', () => {
    const out = withSheetExtras(plain, 0, {
      widths: [8, 6, 22],
      textColumns: [2],
      freezeHeader: true,
      validations: [{ sqref: 'B2:B3', type: 'none', prompt: 'x' }],
    });
    const back = XLSX.read(out, { type: 'array' });
    expect(back.SheetNames).toEqual(['Sheet1', "选项's"]);
    expect(XLSX.utils.sheet_to_json(back.Sheets.Sheet1!, { header: 1 })).toEqual([
      ['姓名', '性别', '身份证号'],
      ['张三', '男', '320102200503140005'],
    ]);
    expect(sheetXml(out, 2)).toBe(sheetXml(plain, 2));
  });
});

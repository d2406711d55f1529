/**
 * A registrar opens the XLSX template in Excel: every column of the source form in Chinese, an
 * example row that the import would accept, a dropdown on every coded column listing exactly the
 * code table's labels (read from the 可选值 sheet), text columns that keep an 18-digit 身份证号, and
 * a 填写说明 sheet. Checked with exceljs, a library independent of the one that wrote it.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { allFields, validate } from '../../../forms/engine';
import { resolveCodeTable } from '../../../forms/engine/codes';
import { regionChoices } from '../../../forms/engine/regions';
import type { FormDefinition } from '../../../forms/engine/types';
import source from '../../../forms/source.json';
import { templateColumns, templateCsv, templateXlsx, TEMPLATE_SHEETS } from './import-template';
import { MAX_IMPORT_ROWS } from './limits';
import { readTable } from './read-table';
import { isTemplateExample } from './template-example';
import { valueText } from '../../lib/value-text';

const definition = source as unknown as FormDefinition;
const colleges = ['外国语学院', '计算机学院'];
const importable = allFields(definition).filter((f) => f.type !== 'group' && f.type !== 'file' && !f.computed);

let loaded: Promise<ExcelJS.Workbook> | undefined;
/** Read once: exceljs expands each validation range into its 20,000 cells. */
function workbook(): Promise<ExcelJS.Workbook> {
  loaded ??= (async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(templateXlsx(templateColumns(definition, colleges))) as unknown as ArrayBuffer);
    return wb;
  })();
  return loaded;
}

function text(value: ExcelJS.CellValue): string {
  return valueText(value);
}

/** The cells a list validation's formula points at, e.g. '可选值'!$B$2:$B$57. */
function listOf(wb: ExcelJS.Workbook, formula: string): string[] {
  const m = /^'((?:[^']|'')+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula);
  if (!m) throw new Error(`not a range: ${formula}`);
  const sheet = wb.getWorksheet(m[1]!.replace(/''/g, "'"))!;
  const out: string[] = [];
  for (let r = Number(m[3]); r <= Number(m[5]); r++) out.push(text(sheet.getCell(`${m[2]}${r}`).value));
  return out;
}

describe('the XLSX import template', () => {
  it('has the roster, the allowed values and the instructions as three sheets', async () => {
    const wb = await workbook();
    expect(wb.worksheets.map((s) => s.name)).toEqual([TEMPLATE_SHEETS.roster, TEMPLATE_SHEETS.choices, TEMPLATE_SHEETS.help]);
  });

  it('heads every importable field with its Chinese label, required ones marked *, and an example row', async () => {
    const sheet = (await workbook()).getWorksheet(TEMPLATE_SHEETS.roster)!;
    const header = importable.map((_, i) => text(sheet.getRow(1).getCell(i + 1).value));
    expect(header).toEqual(importable.map((f) => (f.required ? `${f.label}*` : f.label)));
    expect(text(sheet.getRow(1).getCell(importable.length + 1).value)).toBe('');
    const example = importable.map((_, i) => text(sheet.getRow(2).getCell(i + 1).value));
    expect(example[importable.findIndex((f) => f.key === 'college')]).toBe(colleges[0]);
    expect(example.filter((v) => v === '')).toEqual([]);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('offers on every coded column a dropdown of exactly its allowed labels, and on the others a prompt', async () => {
    const wb = await workbook();
    const sheet = wb.getWorksheet(TEMPLATE_SHEETS.roster)!;
    let lists = 0;
    importable.forEach((field, i) => {
      for (const row of [2, 3, MAX_IMPORT_ROWS + 1]) {
        const v = sheet.getRow(row).getCell(i + 1).dataValidation;
        expect(v, `${field.label} row ${row}`).toBeDefined();
        expect(v.promptTitle).toBe(field.label);
        const table = field.codeTable ? resolveCodeTable(definition, field.codeTable) : undefined;
        const expected =
          field.key === 'college'
            ? colleges
            : field.type === 'region'
              ? regionChoices(field.regionLevel).map((r) => r.fullName)
              : table && !field.multiple
                ? table.items.map((item) => item.label)
                : null;
        if (expected) {
          expect(v.type, field.label).toBe('list');
          expect(v.errorStyle, 'codes and short forms may still be typed').toBe('warning');
          expect(listOf(wb, v.formulae[0]), field.label).toEqual(expected);
        } else {
          expect(v.type, field.label).not.toBe('list');
          expect(v.prompt!.length, field.label).toBeGreaterThan(0);
        }
      }
      if (sheet.getRow(2).getCell(i + 1).dataValidation.type === 'list') lists += 1;
    });
    expect(lists).toBeGreaterThanOrEqual(7); // 性别 民族 政治面貌 学历 培养方式 学院 生源所在地
    expect(sheet.getRow(MAX_IMPORT_ROWS + 2).getCell(2).dataValidation).toBeUndefined();
  });

  it('keeps ID numbers, phones and other codes as text, also in rows not yet written', async () => {
    const sheet = (await workbook()).getWorksheet(TEMPLATE_SHEETS.roster)!;
    const column = (key: string) => importable.findIndex((f) => f.key === key) + 1;
    for (const key of ['idNumber', 'mobile', 'examNo', 'studentNo']) {
      expect(sheet.getColumn(column(key)).numFmt, key).toBe('@');
      expect(sheet.getRow(2).getCell(column(key)).numFmt, key).toBe('@');
    }
    expect(sheet.getColumn(column('cohort')).numFmt).toBeUndefined();
  });

  it('explains each column on the 填写说明 sheet', async () => {
    const sheet = (await workbook()).getWorksheet(TEMPLATE_SHEETS.help)!;
    importable.forEach((field, i) => {
      const row = sheet.getRow(i + 2);
      expect(text(row.getCell(1).value)).toBe(field.label);
      expect(text(row.getCell(2).value)).toBe(field.required ? '必填' : '选填');
      expect(text(row.getCell(3).value).length).toBeGreaterThan(0);
    });
  });
});

describe('the example row', () => {
  const columns = templateColumns(definition, colleges);
  const values = Object.fromEntries(columns.map((c) => [c.key, c.example]));

  it('is what the import accepts, typed as a person types it', () => {
    const result = validate(definition, values, { role: 'school', step: 'import' });
    expect(result.errors).toEqual([]);
    expect(result.values.gender).toBe('1');
    expect(result.values.originRegion).toBe('320102');
  });

  it('carries a 身份证号 nobody holds (sequence 000), by which the import knows it', () => {
    expect(values.idNumber!.slice(14, 17)).toBe('000');
    expect(isTemplateExample(definition, values.idNumber)).toBe(true);
    expect(isTemplateExample(definition, ` ${values.idNumber!.toLowerCase()} `)).toBe(true);
    expect(isTemplateExample(definition, '11010519491231002X')).toBe(false);
  });

  it('reads back through the import reader from both formats, header and example as written', () => {
    for (const bytes of [templateXlsx(columns), new TextEncoder().encode(templateCsv(columns))]) {
      const table = readTable(bytes);
      expect(table.headers).toEqual(columns.map((c) => c.header));
      expect(table.rows).toEqual([columns.map((c) => c.example)]);
      expect(table.lines).toEqual([2]);
    }
  });
});

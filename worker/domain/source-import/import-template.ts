/**
 * 生源导入模板: what a registrar downloads before filling the roster, built from the published
 * source form so it always matches what the import reads.
 *
 * - Sheet 「生源信息」: the columns in Chinese (a required one marked *), one example row taken
 *   from the form's `example` values (学院: the school's first college), a frozen header, text
 *   columns kept as text, an input prompt on every column and an in-cell dropdown on every coded
 *   column (a warning, not a refusal, when something else is typed: the import also takes codes
 *   and common short forms).
 * - Sheet 「可选值」: every coded column's labels, the school's colleges and the regions; the
 *   dropdowns read their lists from here.
 * - Sheet 「填写说明」: per column, whether it is required, what it accepts and the example.
 *
 * The CSV template is the header and the example row. The example's 身份证号 has sequence 000,
 * which is never issued, so it belongs to nobody; the import skips a row carrying it.
 */
import * as XLSX from '@e965/xlsx';
import { allFields } from '../../../forms/engine';
import { toCsv } from '../../../forms/engine/csv';
import { acceptedText } from '../../../forms/engine/normalize';
import { resolveCodeTable } from '../../../forms/engine/codes';
import { regionChoices } from '../../../forms/engine/regions';
import type { CodeItem, FieldDef, FormDefinition } from '../../../forms/engine/types';
import { sheetRange, withSheetExtras, type CellValidation } from '../../lib/xlsx-sheet-extras';
import { MAX_IMPORT_ROWS } from './limits';

export const TEMPLATE_SHEETS = { roster: '生源信息', choices: '可选值', help: '填写说明' } as const;

export interface TemplateColumn {
  key: string;
  header: string;
  label: string;
  required: boolean;
  example: string;
  /** what the column accepts, in words */
  accepted: string;
  /** the values of a dropdown, when the column is coded */
  choices: string[] | null;
  /** kept as text in Excel (ID numbers, phones, codes) */
  text: boolean;
}

const TEXT_TYPES = new Set(['text', 'textarea', 'idNumber', 'phone', 'email', 'creditCode']);

function labelsOf(items: CodeItem[] | undefined): string[] {
  return Array.isArray(items) ? items.filter((i) => typeof i.label === 'string').map((i) => i.label) : [];
}

function choicesOf(field: FieldDef, definition: FormDefinition, colleges: string[]): string[] | null {
  if (field.key === 'college' && colleges.length > 0) return colleges;
  if (field.type === 'region') return regionChoices(field.regionLevel).map((r) => r.fullName);
  if ((field.type === 'select' || field.type === 'radio') && !field.multiple && field.codeTable) {
    const labels = labelsOf(resolveCodeTable(definition, field.codeTable)?.items);
    return labels.length > 0 ? labels : null;
  }
  return null;
}

/** The importable fields of the form, as template columns. `colleges`: the school's college names. */
export function templateColumns(definition: FormDefinition, colleges: string[]): TemplateColumn[] {
  return allFields(definition)
    .filter((f) => f.type !== 'group' && f.type !== 'file' && !f.computed)
    .map((f) => {
      const choices = choicesOf(f, definition, colleges);
      const [firstCollege] = colleges;
      const example = f.key === 'college' && firstCollege !== undefined ? firstCollege : (f.example ?? '');
      const accepted =
        f.key === 'college' && colleges.length > 0 ? `本校学院名称：${colleges.join('、')}` : acceptedText(f, definition) || '文字';
      return {
        key: f.key,
        header: f.required ? `${f.label}*` : f.label,
        label: f.label,
        required: !!f.required,
        example,
        accepted,
        choices,
        text: TEXT_TYPES.has(f.type),
      };
    });
}

export function templateCsv(columns: TemplateColumn[]): string {
  const digitColumns = columns.map((c, i) => (c.text ? i : -1)).filter((i) => i >= 0);
  return toCsv(
    columns.map((c) => c.header),
    [columns.map((c) => c.example)],
    digitColumns,
  );
}

/** Display width of text in Excel's character units: a CJK character counts two. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return width;
}

export function templateXlsx(columns: TemplateColumn[]): Uint8Array<ArrayBuffer> {
  const book = XLSX.utils.book_new();
  const roster = XLSX.utils.aoa_to_sheet([columns.map((c) => c.header), columns.map((c) => c.example)]);
  XLSX.utils.book_append_sheet(book, roster, TEMPLATE_SHEETS.roster);

  const coded = columns.filter((c): c is TemplateColumn & { choices: string[] } => c.choices !== null);
  const longest = Math.max(0, ...coded.map((c) => c.choices.length));
  const choiceRows: (string | null)[][] = [coded.map((c) => c.label)];
  for (let r = 0; r < longest; r++) choiceRows.push(coded.map((c) => c.choices[r] ?? null));
  const choices = XLSX.utils.aoa_to_sheet(choiceRows);
  choices['!cols'] = coded.map((c) => ({ wch: Math.min(40, Math.max(10, ...c.choices.slice(0, 200).map(textWidth)) + 2) }));
  XLSX.utils.book_append_sheet(book, choices, TEMPLATE_SHEETS.choices);

  const help = XLSX.utils.aoa_to_sheet([
    ['列名', '是否必填', '可填写的内容', '示例'],
    ...columns.map((c) => [
      c.label,
      c.required ? '必填' : '选填',
      c.choices ? `${c.accepted}（可在下拉列表中选择）` : c.accepted,
      c.example,
    ]),
    [],
    [
      '说明',
      '',
      `第 2 行是示例，导入时会跳过（其身份证号不属于任何人）。一次最多导入 ${MAX_IMPORT_ROWS} 行；同一身份证号重复导入会更新尚未提交的生源信息。`,
    ],
  ]);
  help['!cols'] = [{ wch: 14 }, { wch: 10 }, { wch: 80 }, { wch: 28 }];
  XLSX.utils.book_append_sheet(book, help, TEMPLATE_SHEETS.help);

  const lastRow = MAX_IMPORT_ROWS + 1;
  const validations: CellValidation[] = columns.map((c, i) => {
    const col = XLSX.utils.encode_col(i);
    const sqref = `${col}2:${col}${lastRow}`;
    const listColumn = coded.findIndex((listed) => listed === c);
    const listed = coded[listColumn];
    if (!listed) return { sqref, type: 'none', promptTitle: c.label, prompt: c.accepted };
    return {
      sqref,
      type: 'list',
      promptTitle: c.label,
      source: sheetRange(TEMPLATE_SHEETS.choices, listColumn, 2, listed.choices.length + 1),
      prompt: `可在下拉列表中选择；全部可选值见「${TEMPLATE_SHEETS.choices}」表`,
      error: `「${c.label}」不在可选值中。导入时也接受代码和常用简称（如 汉 → 汉族）；其他写法会被拒绝。`,
    };
  });
  const written = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer);
  return withSheetExtras(written, 0, {
    widths: columns.map((c) => Math.min(30, Math.max(textWidth(c.header), textWidth(c.example)) + 2)),
    textColumns: columns.map((c, i) => (c.text ? i : -1)).filter((i) => i >= 0),
    validations,
    freezeHeader: true,
  });
}

/**
 * The one CSV writer of the product (dispatch export, import template, the import's one-time
 * credentials and problem list), shared by the worker and the web app.
 *
 * - RFC 4180: fields separated by commas, records ended by CRLF, a field holding `"`, `,`, CR, LF
 *   or a tab (or starting/ending with a space) is quoted with inner `"` doubled.
 * - Files start with a UTF-8 BOM so Excel in China opens Chinese text with the right encoding.
 * - Formula injection (OWASP "CSV Injection"): a cell whose text starts with `=`, `+`, `-`, `@`, a
 *   tab or CR — or their full-width forms `＝＋－＠`, or any of them after leading whitespace —
 *   would be run as a formula by a spreadsheet. Such a cell is written with a leading `'`, so it
 *   is shown as the text that was typed. This applies to every cell, legitimate ones included:
 *   a phone `+8613812345678` is written `'+8613812345678` and a negative number `-5` as `'-5`.
 *   Nothing the product exports is meant to be calculated with, and one simple rule cannot be
 *   talked around.
 */

const FORMULA_LEAD = /^(?:[\t\r]|\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/;
const NEEDS_QUOTES = /[",\r\n\t]|^ | $/;
/** 12+ digits (an 18-char ID number may end in X): Excel would show them as 1.1E+17. */
const LONG_DIGITS = /^\d{12,}[\dXx]?$/;

export const CSV_BOM = '\uFEFF';

export type CsvValue = string | number | null | undefined;

export interface CellOptions {
  /**
   * For columns read by people in Excel (initial-password sheets): a long digit string is written
   * after a tab so Excel keeps it as text instead of 1.1E+17. Not for files read by machines.
   */
  keepDigits?: boolean;
}

/** The cell's text as a spreadsheet will show it: formula-looking text gets a leading `'`. */
export function neutraliseFormula(text: string): string {
  return FORMULA_LEAD.test(text) ? `'${text}` : text;
}

/** One field, neutralised and quoted as needed. `null`/`undefined` are empty. */
export function csvCell(value: CsvValue, { keepDigits = false }: CellOptions = {}): string {
  let text = neutraliseFormula(value === null || value === undefined ? '' : String(value));
  if (keepDigits && LONG_DIGITS.test(text)) text = `\t${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its CRLF. `digitColumns` are the indexes written with `keepDigits`. */
export function csvLine(cells: readonly CsvValue[], digitColumns: readonly number[] = []): string {
  return cells.map((v, i) => csvCell(v, { keepDigits: digitColumns.includes(i) })).join(',') + '\r\n';
}

/** A whole file: BOM, header, rows. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>, digitColumns: readonly number[] = []): string {
  return CSV_BOM + csvLine(header) + rows.map((r) => csvLine(r, digitColumns)).join('');
}

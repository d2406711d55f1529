/**
 * Turns an uploaded roster into rows of text cells. Accepts XLSX (SheetJS) and CSV in UTF-8 (with
 * or without BOM), UTF-16 with BOM, or GBK — what Excel in China writes when saving as CSV.
 * Every cell stays text: 18-digit ID numbers must never pass through a float. A real Excel date
 * cell becomes 'YYYY-MM-DD' whatever its display format (m/d/yy would read as a US date).
 * Any other kind of file (an old .xls, a PDF, a Word file, a picture) is refused by name.
 */
import * as XLSX from '@e965/xlsx';
import { valueText } from '../../lib/value-text';
import Papa from 'papaparse';
import { badRequest } from '../../http/errors';

export interface Table {
  headers: string[];
  /** the rows that hold something; blank rows are left out */
  rows: string[][];
  /** the row of the file (the header is row 1) each of `rows` came from, as Excel numbers it */
  lines: number[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const NOT_A_TABLE = '只能导入 CSV 或 Excel（.xlsx）文件';

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** A text file has no NUL bytes outside UTF-16 (whose BOM is checked first). */
function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const end = Math.min(bytes.length, 8192);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return true;
  return false;
}

export function isXlsx(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_MAGIC);
}

/** UTF-8 if it decodes cleanly, else GBK (GB18030 is its superset and also covers rare names). */
export function decodeCsv(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** The part of SheetJS's bundled number-format module (SSF) used here; the community build types it `any`. */
interface SsfModule {
  parse_date_code(serial: number): { y: number; m: number; d: number } | null;
  is_date(format: string): boolean;
}
const SSF = XLSX.SSF as SsfModule;

/** An Excel date serial as 'YYYY-MM-DD' (the time of day dropped). */
function excelDate(serial: number): string | null {
  const d = SSF.parse_date_code(serial);
  if (!d?.y) return null;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.y}-${p(d.m)}-${p(d.d)}`;
}

/** Undoes the `'` our own CSV writer puts before formula-looking text (+86…, -…), so a problem list re-imports as is. */
function unneutralise(cell: string): string {
  return /^'\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/.test(cell) ? cell.slice(1) : cell;
}

/** The first sheet's cells from its first used row on, and that row's number in the sheet. */
function readXlsx(bytes: Uint8Array): { grid: string[][]; firstLine: number } {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: true, cellHTML: false });
  } catch {
    throw badRequest('bad_file', `无法读取该文件：${NOT_A_TABLE}`);
  }
  const [firstSheet] = book.SheetNames;
  const sheet = firstSheet === undefined ? undefined : book.Sheets[firstSheet];
  if (!sheet) throw badRequest('bad_file', `无法读取该文件：${NOT_A_TABLE}`);
  // a dense sheet's rows and cells are missing where nothing was written
  for (const row of (sheet['!data'] ?? []) as ((XLSX.CellObject | undefined)[] | undefined)[]) {
    for (const cell of row ?? []) {
      if (cell?.t === 'n' && typeof cell.v === 'number' && typeof cell.z === 'string' && SSF.is_date(cell.z))
        cell.w = excelDate(cell.v) ?? cell.w;
    }
  }
  // blank rows are kept here so that each row's index is its place in the sheet
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: true });
  const firstLine = sheet['!ref'] ? XLSX.utils.decode_range(sheet['!ref']).s.r + 1 : 1;
  return { grid: rows.map((r) => r.map(valueText)), firstLine };
}

function readCsv(bytes: Uint8Array): string[][] {
  // a record per spreadsheet row, blank ones included (a quoted line break stays inside its record)
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: false });
  return parsed.data;
}

function isBlank(row: string[]): boolean {
  return row.every((c) => c.trim() === '');
}

export function readTable(bytes: Uint8Array): Table {
  if (bytes.length === 0) throw badRequest('empty_file', '文件是空的，请选择填好的生源文件');
  if (startsWith(bytes, OLE_MAGIC)) throw badRequest('bad_file', '不支持旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  const sheet = isXlsx(bytes) ? readXlsx(bytes) : looksBinary(bytes) ? null : { grid: readCsv(bytes), firstLine: 1 };
  if (!sheet) throw badRequest('bad_file', `无法读取该文件：${NOT_A_TABLE}`);
  const { grid, firstLine } = sheet;
  const [head] = grid;
  if (!head || isBlank(head)) throw badRequest('no_header', '文件第一行必须是表头（姓名、身份证号等列名）');
  const rows: string[][] = [];
  const lines: number[] = [];
  grid.forEach((r, i) => {
    if (i === 0 || isBlank(r)) return;
    rows.push(r.map((c) => unneutralise(c.trim())));
    lines.push(firstLine + i);
  });
  if (rows.length === 0) throw badRequest('no_rows', '文件中只有表头，没有学生数据');
  return { headers: head.map((h) => h.trim()), rows, lines };
}

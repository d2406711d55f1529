/**
 * Turns an uploaded roster into rows of text cells. Accepts XLSX (SheetJS) and CSV in UTF-8 (with
 * or without BOM), UTF-16 with BOM, or GBK — what Excel in China writes when saving as CSV.
 * Every cell stays text: 18-digit ID numbers must never pass through a float.
 */
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { badRequest } from '../../http/errors';

export interface Table {
  headers: string[];
  rows: string[][];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function isXlsx(bytes: Uint8Array): boolean {
  return ZIP_MAGIC.every((b, i) => bytes[i] === b);
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

function readXlsx(bytes: Uint8Array): string[][] {
  let book: XLSX.WorkBook;
  try {
    book = XLSX.read(bytes, { type: 'array', dense: true, cellDates: false, cellNF: false, cellHTML: false });
  } catch {
    throw badRequest('bad_file', '无法读取 Excel 文件，请确认是 .xlsx 格式');
  }
  const sheet = book.Sheets[book.SheetNames[0]];
  if (!sheet) throw badRequest('bad_file', 'Excel 文件中没有工作表');
  const rows = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: false, defval: '', blankrows: false });
  return rows.map((r) => r.map((cell) => String(cell ?? '')));
}

function readCsv(bytes: Uint8Array): string[][] {
  const parsed = Papa.parse<string[]>(decodeCsv(bytes), { skipEmptyLines: 'greedy' });
  return parsed.data;
}

export function readTable(bytes: Uint8Array): Table {
  if (bytes.length === 0) throw badRequest('empty_file', '文件是空的');
  const grid = isXlsx(bytes) ? readXlsx(bytes) : readCsv(bytes);
  const [head, ...rows] = grid;
  if (!head || head.every((h) => h.trim() === '')) throw badRequest('no_header', '文件第一行必须是表头');
  return { headers: head.map((h) => h.trim()), rows: rows.map((r) => r.map((c) => c.trim())) };
}

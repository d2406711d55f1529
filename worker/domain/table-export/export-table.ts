/**
 * One export of record rows as a table, shared by the dispatch export and the 毕业去向 export: the
 * rows come page by page (keyset over record ids), each row becomes its cells, and the table is
 * written as CSV (streamed, any size, the shared CSV writer: formula-looking cells neutralised) or as
 * XLSX (one workbook in memory, so capped). Every cell is text: ID numbers and codes keep leading
 * zeros, and a value typed as `=…` stays a string cell in XLSX, never a formula. A small table already
 * in memory (就业统计) is written the same way by `rowsCsv` and `rowsXlsx`, its counts as numbers.
 */
import * as XLSX from '@e965/xlsx';
import { CSV_BOM, csvLine, type CsvValue } from '../../../forms/engine/csv';
import type { Db } from '../../db/client';
import { dispatchExportPage, type ApprovedDispatchRow, type DispatchExportFilter } from '../../db/dispatch-export';
import type { Kind } from '../../lifecycle/types';
import { badRequest } from '../../http/errors';

const PAGE = 1000;
export const MAX_XLSX_ROWS = 50_000;

export interface TableExport<R extends ApprovedDispatchRow = ApprovedDispatchRow> {
  kind: Extract<Kind, 'dispatches' | 'destinations'>;
  headers: string[];
  cells: (row: R) => string[];
  /** the XLSX sheet's name */
  sheet: string;
}

/** A record's JSON column, or nothing when it is empty or unreadable. */
export function parseJsonColumn(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch {
    return {};
  }
}

async function* pages(db: Db, kind: TableExport['kind'], filter: DispatchExportFilter) {
  let after = '';
  for (;;) {
    const rows = await dispatchExportPage(db, filter, after, PAGE, kind);
    const lastRow = rows.at(-1);
    if (!lastRow) return;
    yield rows;
    after = lastRow.id;
    if (rows.length < PAGE) return;
  }
}

/** UTF-8 with BOM, streamed a page at a time. */
export function tableCsvStream<R extends ApprovedDispatchRow>(
  db: Db,
  table: TableExport<R>,
  filter: DispatchExportFilter,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages(db, table.kind, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(table.headers)));
        return;
      }
      const next = await iterator.next();
      if (next.done) {
        controller.close();
        return;
      }
      controller.enqueue(encoder.encode(next.value.map((r) => csvLine(table.cells(r as R))).join('')));
    },
  });
}

/** One workbook of text cells; over MAX_XLSX_ROWS rows the answer is to export CSV instead. */
export async function tableXlsx<R extends ApprovedDispatchRow>(
  db: Db,
  table: TableExport<R>,
  filter: DispatchExportFilter,
): Promise<Uint8Array<ArrayBuffer>> {
  const rows: string[][] = [table.headers];
  for await (const page of pages(db, table.kind, filter)) {
    for (const r of page) rows.push(table.cells(r as R));
    if (rows.length - 1 > MAX_XLSX_ROWS) throw badRequest('too_many_rows', `超过 ${MAX_XLSX_ROWS} 条，请导出 CSV`);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // text cells: keep 18-digit ID numbers and codes exactly as written
  for (const key of Object.keys(sheet)) if (!key.startsWith('!')) (sheet[key] as XLSX.CellObject).t = 's';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, table.sheet);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A small table held in memory, header row first: UTF-8 CSV with BOM, formula-looking cells neutralised. */
export function rowsCsv(rows: readonly (readonly CsvValue[])[]): string {
  return CSV_BOM + rows.map((r) => csvLine(r)).join('');
}

/**
 * The same table as one XLSX sheet: text stays a string cell (a value typed as `=…` is never a
 * formula), numbers are number cells.
 */
export function rowsXlsx(rows: readonly (readonly (string | number)[])[], sheetName: string): Uint8Array<ArrayBuffer> {
  const sheet = XLSX.utils.aoa_to_sheet(rows.map((r) => [...r]));
  for (const key of Object.keys(sheet)) {
    if (key.startsWith('!')) continue;
    const cell = sheet[key] as XLSX.CellObject;
    cell.t = typeof cell.v === 'number' ? 'n' : 's';
    delete cell.f;
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, sheetName);
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/**
 * Export of dispatch records (中心 / 学校; by default the approved ones, or as the dispatch list is
 * filtered) as CSV (streamed, any size) or XLSX (one workbook in memory, so capped). Every cell is text: ID numbers and codes keep leading zeros, and
 * a value typed as `=…` stays a string cell in XLSX (never a formula) and gets a leading `'` in CSV.
 */
import * as XLSX from '@e965/xlsx';
import { CSV_BOM, csvLine } from '../../../forms/engine/csv';
import type { Db } from '../../db/client';
import { dispatchExportPage, type ApprovedDispatchRow, type DispatchExportFilter } from '../../db/dispatch-export';
import { badRequest } from '../../http/errors';
import { DISPATCH_EXPORT_COLUMNS } from './columns';

const PAGE = 1000;
export const MAX_XLSX_ROWS = 50_000;

function parse(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try { return JSON.parse(text) as Record<string, unknown>; } catch { return {}; }
}

export function exportCells(row: ApprovedDispatchRow): string[] {
  const sources = { source: parse(row.source), dispatch: parse(row.data), school: { code: row.schoolCode, name: row.schoolName } as Record<string, unknown> };
  return DISPATCH_EXPORT_COLUMNS.map((c) => {
    const v = sources[c.from][c.key];
    return v === undefined || v === null ? '' : String(v);
  });
}

async function* pages(db: Db, filter: DispatchExportFilter) {
  let after = '';
  for (;;) {
    const rows = await dispatchExportPage(db, filter, after, PAGE);
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < PAGE) return;
  }
}

/** UTF-8 with BOM, written by the shared CSV writer: formula-looking cells are neutralised. */
export function dispatchCsvStream(db: Db, filter: DispatchExportFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages(db, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(DISPATCH_EXPORT_COLUMNS.map((c) => c.header))));
        return;
      }
      const next = await iterator.next();
      if (next.done) { controller.close(); return; }
      controller.enqueue(encoder.encode(next.value.map((r) => csvLine(exportCells(r))).join('')));
    },
  });
}

export async function dispatchXlsx(db: Db, filter: DispatchExportFilter): Promise<Uint8Array<ArrayBuffer>> {
  const rows: string[][] = [DISPATCH_EXPORT_COLUMNS.map((c) => c.header)];
  for await (const page of pages(db, filter)) {
    for (const r of page) rows.push(exportCells(r));
    if (rows.length - 1 > MAX_XLSX_ROWS) throw badRequest('too_many_rows', `超过 ${MAX_XLSX_ROWS} 条，请导出 CSV`);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  // text cells: keep 18-digit ID numbers and codes exactly as written
  for (const key of Object.keys(sheet)) if (!key.startsWith('!')) (sheet[key] as XLSX.CellObject).t = 's';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '派遣方案');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

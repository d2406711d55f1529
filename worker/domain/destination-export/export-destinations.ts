/**
 * Export of 毕业去向登记 records (中心: all schools; 学校: its own) in the national column order, as
 * CSV (streamed, shared CSV writer: formula-looking cells neutralised) or XLSX (text cells, capped).
 * By default the registered destinations (已登记 and 签约就业); with the list's filters what it shows.
 */
import * as XLSX from '@e965/xlsx';
import { CSV_BOM, csvLine } from '../../../forms/engine/csv';
import type { Db } from '../../db/client';
import { dispatchExportPage, type ApprovedDispatchRow, type DispatchExportFilter } from '../../db/dispatch-export';
import { badRequest } from '../../http/errors';
import { lifecycleOf } from '../../lifecycle/registry';
import { MAX_XLSX_ROWS } from '../dispatch-export/export-dispatches';
import { DESTINATION_EXPORT_COLUMNS } from './columns';

const PAGE = 1000;

function parse(text: string | null): Record<string, unknown> {
  if (!text) return {};
  try { return JSON.parse(text) as Record<string, unknown>; } catch { return {}; }
}

export function destinationCells(row: ApprovedDispatchRow & { state?: string }): string[] {
  const states = lifecycleOf('destinations').states;
  const sources: Record<string, Record<string, unknown>> = {
    source: parse(row.source), destination: parse(row.data), school: { code: row.schoolCode, name: row.schoolName },
    record: { stateLabel: row.state ? states[row.state]?.label ?? row.state : '' },
  };
  return DESTINATION_EXPORT_COLUMNS.map((c) => {
    const v = c.keys.map((k) => sources[c.from][k]).find((x) => x !== undefined && x !== null && x !== '');
    return v === undefined ? '' : String(v);
  });
}

async function* pages(db: Db, filter: DispatchExportFilter) {
  let after = '';
  for (;;) {
    const rows = await dispatchExportPage(db, filter, after, PAGE, 'destinations');
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1].id;
    if (rows.length < PAGE) return;
  }
}

const HEADERS = DESTINATION_EXPORT_COLUMNS.map((c) => c.header);

export function destinationCsvStream(db: Db, filter: DispatchExportFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = pages(db, filter);
  let started = false;
  return new ReadableStream({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(HEADERS)));
        return;
      }
      const next = await iterator.next();
      if (next.done) { controller.close(); return; }
      controller.enqueue(encoder.encode(next.value.map((r) => csvLine(destinationCells(r))).join('')));
    },
  });
}

export async function destinationXlsx(db: Db, filter: DispatchExportFilter): Promise<Uint8Array<ArrayBuffer>> {
  const rows: string[][] = [HEADERS];
  for await (const page of pages(db, filter)) {
    for (const r of page) rows.push(destinationCells(r));
    if (rows.length - 1 > MAX_XLSX_ROWS) throw badRequest('too_many_rows', `超过 ${MAX_XLSX_ROWS} 条，请导出 CSV`);
  }
  const sheet = XLSX.utils.aoa_to_sheet(rows);
  for (const key of Object.keys(sheet)) if (!key.startsWith('!')) (sheet[key] as XLSX.CellObject).t = 's';
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, '毕业去向');
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

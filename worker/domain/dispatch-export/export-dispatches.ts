/**
 * Export of dispatch records (中心 / 学校; by default the approved ones, or as the dispatch list is
 * filtered) as CSV or XLSX, through the shared table export (../table-export/export-table.ts: text
 * cells, formula-looking values neutralised, XLSX capped).
 */
import { valueText } from '../../lib/value-text';
import type { Db } from '../../db/client';
import type { ApprovedDispatchRow, DispatchExportFilter } from '../../db/dispatch-export';
import { MAX_XLSX_ROWS, parseJsonColumn, tableCsvStream, tableXlsx, type TableExport } from '../table-export/export-table';
import { DISPATCH_EXPORT_COLUMNS } from './columns';

export { MAX_XLSX_ROWS };

export function exportCells(row: ApprovedDispatchRow): string[] {
  const sources = {
    source: parseJsonColumn(row.source),
    dispatch: parseJsonColumn(row.data),
    school: { code: row.schoolCode, name: row.schoolName } as Record<string, unknown>,
  };
  return DISPATCH_EXPORT_COLUMNS.map((c) => valueText(sources[c.from][c.key]));
}

const DISPATCH_TABLE: TableExport = {
  kind: 'dispatches',
  headers: DISPATCH_EXPORT_COLUMNS.map((c) => c.header),
  cells: exportCells,
  sheet: '派遣方案',
};

/** UTF-8 with BOM, written by the shared CSV writer: formula-looking cells are neutralised. */
export const dispatchCsvStream = (db: Db, filter: DispatchExportFilter) => tableCsvStream(db, DISPATCH_TABLE, filter);
export const dispatchXlsx = (db: Db, filter: DispatchExportFilter) => tableXlsx(db, DISPATCH_TABLE, filter);

/**
 * Export of 毕业去向登记 records (中心: all schools; 学校: its own) in the national column order, as
 * CSV or XLSX through the shared table export (../table-export/export-table.ts). By default the
 * registered destinations (已登记 and 签约就业); with the list's filters what it shows.
 */
import { valueText } from '../../lib/value-text';
import type { Db } from '../../db/client';
import type { ApprovedDispatchRow, DispatchExportFilter } from '../../db/dispatch-export';
import { lifecycleOf } from '../../lifecycle/registry';
import { parseJsonColumn, tableCsvStream, tableXlsx, type TableExport } from '../table-export/export-table';
import { DESTINATION_EXPORT_COLUMNS, type DestinationColumn } from './columns';

export function destinationCells(row: ApprovedDispatchRow & { state?: string }): string[] {
  const states = lifecycleOf('destinations').states;
  const sources: Record<DestinationColumn['from'], Record<string, unknown>> = {
    source: parseJsonColumn(row.source),
    destination: parseJsonColumn(row.data),
    school: { code: row.schoolCode, name: row.schoolName },
    record: { stateLabel: row.state ? (states[row.state]?.label ?? row.state) : '' },
  };
  return DESTINATION_EXPORT_COLUMNS.map((c) => {
    const v = c.keys.map((k) => sources[c.from][k]).find((x) => x !== undefined && x !== null && x !== '');
    return valueText(v);
  });
}

const DESTINATION_TABLE: TableExport = {
  kind: 'destinations',
  headers: DESTINATION_EXPORT_COLUMNS.map((c) => c.header),
  cells: destinationCells,
  sheet: '毕业去向',
};

export const destinationCsvStream = (db: Db, filter: DispatchExportFilter) => tableCsvStream(db, DESTINATION_TABLE, filter);
export const destinationXlsx = (db: Db, filter: DispatchExportFilter) => tableXlsx(db, DESTINATION_TABLE, filter);

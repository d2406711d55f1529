/**
 * 就业统计 as a table for the office's spreadsheet: Chinese headers, one row per group and the
 * totals row (or one row per day), written by the shared table export (formula-looking text
 * neutralised in CSV, string cells in XLSX).
 */
import { STATISTICS_BY_LABELS } from '../../../contract/statistics';
import { rowsCsv, rowsXlsx } from '../table-export/export-table';
import type { Statistics, StatisticsRow } from './employment-statistics';

const percent = (rate: number | null) => (rate === null ? '' : `${rate.toFixed(2)}%`);

export function statisticsTable(s: Statistics): (string | number)[][] {
  if (s.by === 'day') {
    const header = ['日期', '协议书生效（学校审核通过）', '毕业去向登记通过'];
    const days = s.days.map((d) => [d.day, d.agreements, d.destinations]);
    const sum = (pick: (d: Statistics['days'][number]) => number) => s.days.reduce((n, d) => n + pick(d), 0);
    return [header, ...days, ['合计', sum((d) => d.agreements), sum((d) => d.destinations)]];
  }
  const header = [
    STATISTICS_BY_LABELS[s.by],
    '毕业生数',
    '已签约',
    '签约率',
    '已登记去向',
    '已落实',
    '去向落实率',
    ...s.categories.map((c) => c.label),
  ];
  const line = (r: StatisticsRow) => [
    r.label,
    r.graduates,
    r.signed,
    percent(r.signingRate),
    r.registered,
    r.placed,
    percent(r.placementRate),
    ...s.categories.map((c) => r.categories[c.key] ?? 0),
  ];
  return [header, ...s.rows.map(line), line(s.total)];
}

export const statisticsCsv = (s: Statistics) => rowsCsv(statisticsTable(s));
export const statisticsXlsx = (s: Statistics) => rowsXlsx(statisticsTable(s), '就业统计');

/** 就业统计-2027届-学院.csv */
/** The file's name without its extension: 就业统计-2027届-按学院 (statistics-2027-college for old clients). */
export const statisticsFileName = (s: Statistics) => ({
  name: `就业统计-${s.cohort}届-${STATISTICS_BY_LABELS[s.by]}`,
  ascii: `statistics-${s.cohort}-${s.by}`,
});

/**
 * The 就业统计 query as the caller sent it, checked: a bad `cohort`, `by` or `format` is a 400
 * `bad_query` in Chinese, before anything is read.
 */
import { beijingToday } from '../../lib/dates';
import { badRequest } from '../../http/errors';
import { STATISTICS_BY_VALUES, STATISTICS_FORMAT_VALUES, type StatisticsBy } from '../../../contract/statistics';

export interface StatisticsQuery {
  cohort: number;
  by: StatisticsBy;
  school: string | null;
  format: 'json' | 'csv' | 'xlsx';
}

/** The cohort graduating next, as the other pages choose it: from September on, next year's (Beijing calendar). */
export function graduatingCohort(today: string = beijingToday()): number {
  const year = Number(today.slice(0, 4));
  return Number(today.slice(5, 7)) >= 9 ? year + 1 : year;
}

const isOneOf = <T extends string>(values: readonly T[], value: string): value is T => (values as readonly string[]).includes(value);

export function readStatisticsQuery(query: Record<string, string | undefined>, today?: string): StatisticsQuery {
  const { cohort, by, school, format } = query;
  if (cohort !== undefined && cohort !== '' && !/^(19|20|21)\d{2}$/.test(cohort))
    throw badRequest('bad_query', '毕业届须为四位年份，如 2027');
  if (by !== undefined && by !== '' && !isOneOf(STATISTICS_BY_VALUES, by)) {
    throw badRequest('bad_query', '统计维度只能是 college、major、education、gender、origin 或 day');
  }
  if (format !== undefined && format !== '' && !isOneOf(STATISTICS_FORMAT_VALUES, format))
    throw badRequest('bad_query', '导出格式只能是 csv 或 xlsx');
  if (school !== undefined && school.length > 64) throw badRequest('bad_query', '学校编号无效');
  return {
    cohort: cohort ? Number(cohort) : graduatingCohort(today),
    by: by || 'college',
    school: school || null,
    format: format || 'json',
  };
}

/** 就业统计 (GET /api/statistics): the types come from the contract, so a change there changes them. */
import type * as v from 'valibot';
import { api, withQuery } from './client';
import type { StatisticsBy, StatisticsSchema } from '../../../contract/statistics';

export type { StatisticsBy };
export type Statistics = v.InferOutput<typeof StatisticsSchema>;
export type StatisticsRow = Statistics['total'];
export type StatisticsDay = Statistics['days'][number];

export interface StatisticsQuery {
  cohort: number;
  by: StatisticsBy;
  /** the centre's and the province's school filter; '' for every school */
  school: string;
}

const params = (q: StatisticsQuery) => ({ cohort: q.cohort, by: q.by, school: q.school || undefined });

export function loadStatistics(q: StatisticsQuery, signal?: AbortSignal): Promise<Statistics> {
  return api<Statistics>(withQuery('/api/statistics', params(q)), { signal });
}

export const statisticsExportHref = (q: StatisticsQuery, format: 'csv' | 'xlsx') => withQuery('/api/statistics', { ...params(q), format });

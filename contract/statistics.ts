/** 就业统计: 签约率 and 毕业去向落实率 of one cohort, by a dimension, in the caller's scope (docs/architecture.md, 就业统计). */
import * as v from 'valibot';
import { queryText } from './common';
import { route } from './route';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** the dimensions: group by 学院, 专业, 学历, 性别, 生源地 (province), or per day of the signing season */
export const STATISTICS_BY_VALUES = ['college', 'major', 'education', 'gender', 'origin', 'day'] as const;
export type StatisticsBy = (typeof STATISTICS_BY_VALUES)[number];
export const STATISTICS_BY_LABELS: Readonly<Record<StatisticsBy, string>> = {
  college: '学院',
  major: '专业',
  education: '学历',
  gender: '性别',
  origin: '生源地',
  day: '按日',
};
export const STATISTICS_FORMAT_VALUES = ['csv', 'xlsx'] as const;

export const StatisticsQuerySchema = v.object({
  cohort: queryText('毕业届，四位年份；默认为当前毕业届（9 月起为下一年）'),
  by: v.optional(v.pipe(v.picklist(STATISTICS_BY_VALUES), v.description('统计维度，默认 college'))),
  school: queryText('学校编号（省级、就业中心可选，默认全部学校）'),
  format: v.optional(v.pipe(v.picklist(STATISTICS_FORMAT_VALUES), v.description('导出：csv 或 xlsx；不填为 JSON'))),
});

/** a 毕业去向 category: its codes count towards 去向落实率 (`placed`) or not (待就业, 暂不就业) */
export const StatisticsCategorySchema = v.object({
  key: v.string(),
  label: v.string(),
  placed: v.boolean(),
  codes: v.array(v.string()),
});

export const StatisticsRowSchema = v.object({
  /** the group's code (学院 id, 专业, 学历 code, 性别 code, province code); '' for 未填写; 'total' for the totals row */
  key: v.string(),
  label: v.string(),
  /** 毕业生数: the cohort's students in scope */
  graduates: v.number(),
  /** 已签约: with an agreement 学校审核通过 */
  signed: v.number(),
  /** 签约率, percent with two decimals; null without graduates */
  signingRate: v.nullable(v.number()),
  /** 已登记去向: 毕业去向登记 approved (已登记, or 签约就业 by signing) */
  registered: v.number(),
  /** 已落实: registered with a code of a placed category */
  placed: v.number(),
  /** 去向落实率 = placed / graduates, percent with two decimals; null without graduates */
  placementRate: v.nullable(v.number()),
  /** registered graduates per category key */
  categories: v.record(v.string(), v.number()),
});

export const StatisticsDaySchema = v.object({
  /** the Beijing date, YYYY-MM-DD */
  day: v.string(),
  /** agreements approved by the school that day */
  agreements: v.number(),
  /** destinations approved (or registered by signing) that day */
  destinations: v.number(),
});

export const StatisticsSchema = v.object({
  cohort: v.number(),
  by: v.picklist(STATISTICS_BY_VALUES),
  /** the school filtered by (centre, province), or null */
  school: v.nullable(v.string()),
  /** whose graduates: 全省, a school, or a college */
  scopeLabel: v.string(),
  categories: v.array(StatisticsCategorySchema),
  /** one per group (empty for `day`) */
  rows: v.array(StatisticsRowSchema),
  /** the whole scope */
  total: StatisticsRowSchema,
  /** per day (only for `day`) */
  days: v.array(StatisticsDaySchema),
});

export const statisticsRoutes = [
  route({
    method: 'GET',
    path: '/api/statistics',
    tag: '就业统计',
    summary: '就业统计：一届毕业生的签约率与毕业去向落实率，按学院、专业、学历、性别、生源地或按日；可导出 CSV/XLSX',
    access: '学院审核（本院）；学校审核（本校）；省级、就业中心（全部学校，可按学校筛选）',
    query: StatisticsQuerySchema,
    answers: { 200: StatisticsSchema },
    fileOn200: { contentType: ['text/csv; charset=utf-8', XLSX], description: 'format=csv|xlsx 时为就业统计表文件' },
  }),
];

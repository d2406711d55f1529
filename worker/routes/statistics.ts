/**
 * 就业统计 (docs/architecture.md, 就业统计):
 *   GET /api/statistics?cohort=&by=college|major|education|gender|origin|day[&school=][&format=csv|xlsx]
 * 签约率 and 毕业去向落实率 of one cohort in the caller's scope (college: its own; school: its own;
 * province and centre: every school, or the one named), as JSON or as a spreadsheet.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { employmentStatistics } from '../domain/statistics/employment-statistics';
import { readStatisticsQuery } from '../domain/statistics/read-statistics-query';
import { statisticsScope } from '../domain/statistics/statistics-scope';
import { statisticsCsv, statisticsFileName, statisticsXlsx } from '../domain/statistics/statistics-table';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import type { StatisticsSchema } from '../../contract/statistics';

const disposition = (ascii: string, name: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;

export const statisticsRoutes = new Hono<AppEnv>().get('/statistics', async (c) => {
  const actor = await requireActor(c, { ability: 'view_statistics' });
  const query = readStatisticsQuery(c.req.query());
  const statistics = await employmentStatistics(c.get('db'), statisticsScope(actor, query.school), query);
  if (query.format === 'csv') {
    return c.body(statisticsCsv(statistics), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': disposition(`statistics-${statistics.cohort}-${statistics.by}.csv`, statisticsFileName(statistics, 'csv')),
    });
  }
  if (query.format === 'xlsx') {
    return c.body(statisticsXlsx(statistics), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': disposition(`statistics-${statistics.cohort}-${statistics.by}.xlsx`, statisticsFileName(statistics, 'xlsx')),
    });
  }
  return c.json(statistics satisfies AnswerOf<typeof StatisticsSchema>);
});

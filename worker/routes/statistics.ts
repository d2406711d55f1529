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
import { downloadHeaders } from '../http/download';

export const statisticsRoutes = new Hono<AppEnv>().get('/statistics', async (c) => {
  const actor = await requireActor(c, { ability: 'view_statistics' });
  const query = readStatisticsQuery(c.req.query());
  const statistics = await employmentStatistics(c.get('db'), statisticsScope(actor, query.school), query);
  if (query.format !== 'json') {
    const { name, ascii } = statisticsFileName(statistics);
    const file = query.format === 'csv' ? statisticsCsv(statistics) : statisticsXlsx(statistics);
    return c.body(file, 200, downloadHeaders(query.format, name, ascii));
  }
  return c.json(statistics satisfies AnswerOf<typeof StatisticsSchema>);
});

/** GET /api/dispatches/export?format=csv|xlsx — approved dispatch records (centre: all; school: its own). */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { dispatchCsvStream, dispatchXlsx } from '../domain/dispatch-export/export-dispatches';
import { badRequest } from '../http/errors';
import { requireActor } from '../middleware/require-actor';

const filename = (ext: string) => `attachment; filename="dispatch.${ext}"; filename*=UTF-8''${encodeURIComponent(`派遣方案.${ext}`)}`;

export const dispatchExportRoutes = new Hono<AppEnv>().get('/dispatches/export', async (c) => {
  const actor = await requireActor(c, { roles: ['center', 'school'] });
  const schoolId = actor.role === 'school' ? actor.schoolId ?? '' : undefined;
  const format = c.req.query('format') ?? 'csv';
  const db = c.get('db');
  if (format === 'csv') {
    return c.body(dispatchCsvStream(db, schoolId), 200, { 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': filename('csv') });
  }
  if (format === 'xlsx') {
    return c.body(await dispatchXlsx(db, schoolId), 200, {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'Content-Disposition': filename('xlsx'),
    });
  }
  throw badRequest('bad_query', 'format 只能是 csv 或 xlsx');
});

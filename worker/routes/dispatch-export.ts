/**
 * GET /api/dispatches/export?format=csv|xlsx — dispatch records (centre: all; school: its own).
 * Without filters the approved ones (报到证待打印), as always; with the dispatch list's filters
 * (`state`, `cohort`, `q`, `school`, `college`) exactly the records that list shows.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { dispatchCsvStream, dispatchXlsx } from '../domain/dispatch-export/export-dispatches';
import { badRequest } from '../http/errors';
import { stateShownTo } from '../lifecycle/read-access';
import { lifecycleOf } from '../lifecycle/registry';
import { scopeCondition } from '../lifecycle/scope';
import { requireActor } from '../middleware/require-actor';
import { parseListQuery } from '../lifecycle/list-query';
import { downloadHeaders } from '../http/download';

/** The export's default: the approved records, the 派遣方案 the receiving systems read. */
const DEFAULT_STATES = ['approved'];

export const dispatchExportRoutes = new Hono<AppEnv>().get('/dispatches/export', async (c) => {
  const actor = await requireActor(c, { ability: 'export_dispatches' });
  const format = c.req.query('format') ?? 'csv';
  if (format !== 'csv' && format !== 'xlsx') throw badRequest('bad_query', 'format 只能是 csv 或 xlsx');
  const { states, cohort, q, schoolId, collegeId } = parseListQuery({ ...c.req.query(), limit: undefined, cursor: undefined });
  const lifecycle = lifecycleOf('dispatches');
  const shown = (states ?? DEFAULT_STATES).filter((s) => stateShownTo(lifecycle, s, actor.role));
  const filter = {
    // scope as before: a school exports its own records only, whatever `school` says
    scope: scopeCondition(actor),
    // only states the role is shown; none of them asked for: a state no record has, so nothing matches
    states: shown.length ? shown : [''],
    cohort,
    q,
    schoolId,
    collegeId,
  };
  const db = c.get('db');
  const headers = downloadHeaders(format, '派遣方案', 'dispatch');
  return c.body(format === 'csv' ? dispatchCsvStream(db, filter) : await dispatchXlsx(db, filter), 200, headers);
});

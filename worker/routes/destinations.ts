/**
 * 毕业去向登记 beyond the generic record routes (docs/architecture.md, 毕业去向登记):
 *   GET  /api/destinations/follow-up?major=&page=   a counsellor's graduates by destination state (college: its own; school: all its colleges)
 *   POST /api/destinations/follow-up/:studentId/notes  `{ text }` a short follow-up note on one of them
 *   GET  /api/destinations/export?format=csv|xlsx[&state=][&cohort=]   the national column order (centre: all
 *        schools; school: its own); by default the registered ones (已登记 and 签约就业)
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { destinationCsvStream, destinationXlsx } from '../domain/destination-export/export-destinations';
import { addFollowUpNote, followUpList } from '../domain/destinations/follow-up';
import { badRequest } from '../http/errors';
import { stateShownTo } from '../lifecycle/read-access';
import { lifecycleOf } from '../lifecycle/registry';
import { scopeCondition } from '../lifecycle/scope';
import { contractBodyCheckedByDomain } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import { FollowUpNoteBodySchema } from '../../contract/destinations';
import { downloadHeaders } from '../http/download';

const DEFAULT_STATES = ['registered', 'agreement'];

export const destinationRoutes = new Hono<AppEnv>()
  .get('/destinations/follow-up', async (c) => {
    const actor = await requireActor(c, { ability: 'follow_up_destinations' });
    const page = Number(c.req.query('page') ?? '1');
    if (!Number.isSafeInteger(page) || page < 1) throw badRequest('bad_query', 'page 须为正整数');
    return c.json(await followUpList(c.get('db'), actor, { major: c.req.query('major') || undefined, page }));
  })
  .post('/destinations/follow-up/:studentId/notes', contractBodyCheckedByDomain(FollowUpNoteBodySchema), async (c) => {
    const actor = await requireActor(c, { ability: 'follow_up_destinations' });
    // the body is read once the student is known to be in scope
    return c.json(await addFollowUpNote(c.get('db'), actor, c.req.param('studentId'), c.req.valid('json')), 201);
  })
  .get('/destinations/export', async (c) => {
    const actor = await requireActor(c, { ability: 'export_destinations' });
    const format = c.req.query('format') ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx') throw badRequest('bad_query', 'format 只能是 csv 或 xlsx');
    const lifecycle = lifecycleOf('destinations');
    const state = c.req.query('state');
    if (state && !Object.hasOwn(lifecycle.states, state)) throw badRequest('bad_query', '没有这个状态');
    const cohortText = c.req.query('cohort');
    if (cohortText && !/^\d{4}$/.test(cohortText)) throw badRequest('bad_query', '毕业届须为四位年份');
    const shown = (state ? [state] : DEFAULT_STATES).filter((s) => stateShownTo(lifecycle, s, actor.role));
    // scope as the dispatch export: a school exports its own records only
    const filter = {
      scope: scopeCondition(actor),
      states: shown.length ? shown : [''],
      cohort: cohortText ? Number(cohortText) : undefined,
    };
    const db = c.get('db');
    const headers = downloadHeaders(format, '毕业去向', 'destinations');
    return c.body(format === 'csv' ? destinationCsvStream(db, filter) : await destinationXlsx(db, filter), 200, headers);
  });

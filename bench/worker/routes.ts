/**
 * The bench's routes, served only by the bench's own worker (bench/worker/index.ts, which
 * `npm run bench` and `npm run bench:import` bundle); the deployed worker has none of them:
 *  - GET /api/bench/floor?key=<ID number>: the floor every figure is compared with, a bare Hono
 *    route doing one indexed D1 point read, without session, headers or any other middleware;
 *  - POST /api/bench/organisations and /api/bench/students: bulk signing-season data;
 *  - GET /api/bench/cursor: where page N of a newest-first queue starts;
 *  - POST /api/bench/proposed-indexes: the indexes the bench proposes, on this database only;
 *  - POST /api/bench/import-floor: the roster import's inserts alone, the floor of its rate;
 *  - POST /api/bench/transition-floor: a review transition's two D1 round trips alone;
 *  - POST /api/bench/approvals-again: the agreements a pass of approvals moved to 待学校审核 back to
 *    待学院审核 (version 1), so the next pass approves them again — their audit chains go on.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../../worker/app-env';
import { approveBlockSize, benchRows } from './bench-data';
import {
  PROPOSED_INDEXES,
  applyProposedIndexes,
  demoPasswordHash,
  insertBenchOrganisations,
  insertBenchRows,
  insertImportFloorRows,
  queueCursorAt,
} from './bench-insert';
import { transitionFloor } from './bench-transition-floor';
import { openDb } from '../../worker/db/client';
import { AppError, type ErrorCode } from '../../worker/http/errors';

/** The bench's own refusal: a code outside the deployed API's closed list (contract/errors.ts), on purpose. */
const badRequest = (code: 'bad_bench_request', message: string) => new AppError(400, code as string as ErrorCode, message);

const MAX_STUDENTS_PER_CALL = 20_000;

function positiveInt(value: unknown, what: string, max = 10_000_000): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max) throw badRequest('bad_bench_request', `${what} 必须是 0–${max} 的整数`);
  return n;
}

export const benchRoutes = new Hono<AppEnv>()
  .get('/floor', async (c) => {
    const row = await c.env.DB.prepare('SELECT id, name FROM students WHERE id_number = ?')
      .bind(c.req.query('key') ?? '')
      .first();
    return c.json({ row });
  })
  .post('/organisations', async (c) => {
    const body = await c.req.json<{ students?: unknown }>();
    const students = positiveInt(body.students, 'students');
    return c.json(await insertBenchOrganisations(c.env.DB, students, await demoPasswordHash(c.env.DB)));
  })
  .post('/students', async (c) => {
    const body = await c.req.json<{
      students?: unknown;
      from?: unknown;
      count?: unknown;
      base?: unknown;
      cohortYear?: unknown;
      agreementTemplate?: unknown;
    }>();
    const students = positiveInt(body.students, 'students');
    const from = positiveInt(body.from, 'from');
    const count = positiveInt(body.count, 'count', MAX_STUDENTS_PER_CALL);
    const template = body.agreementTemplate;
    if (!template || typeof template !== 'object') throw badRequest('bad_bench_request', 'agreementTemplate 必须是协议书数据对象');
    const rows = benchRows({ students, approveBlock: approveBlockSize(students) }, from, Math.min(students, from + count), {
      base: positiveInt(body.base, 'base', Number.MAX_SAFE_INTEGER),
      cohortYear: positiveInt(body.cohortYear, 'cohortYear', 2100),
      passwordHash: await demoPasswordHash(c.env.DB),
      agreementTemplate: template as Record<string, unknown>,
    });
    await insertBenchRows(c.env.DB, rows, template as Record<string, unknown>);
    return c.json({ students: rows.students.length, records: rows.records.length });
  })
  .post('/import-floor', async (c) => {
    const body = await c.req.json<{ first?: unknown; count?: unknown; cohortYear?: unknown }>();
    const first = positiveInt(body.first, 'first');
    const count = positiveInt(body.count, 'count', MAX_STUDENTS_PER_CALL);
    await insertImportFloorRows(openDb(c.env.DB), first, count, positiveInt(body.cohortYear, 'cohortYear', 2100));
    return c.json({ rows: count });
  })
  .post('/approvals-again', async (c) => {
    const body = await c.req.json<{ ids?: unknown }>();
    if (!Array.isArray(body.ids) || !body.ids.every((id) => typeof id === 'string'))
      throw badRequest('bad_bench_request', 'ids 必须是记录编号的列表');
    const result = await c.env.DB.prepare(
      `UPDATE records SET state = 'college_review', version = 1
       WHERE id IN (SELECT value FROM json_each(?)) AND kind = 'agreements' AND state = 'school_review'`,
    )
      .bind(JSON.stringify(body.ids))
      .run();
    return c.json({ again: result.meta.changes });
  })
  .post('/transition-floor', async (c) => {
    const body = await c.req.json<{ id?: unknown }>();
    if (typeof body.id !== 'string') throw badRequest('bad_bench_request', 'id 必须是记录编号');
    const result = await transitionFloor(c.env.DB, body.id, 'bench-college');
    return result ? c.json(result) : c.json({ error: { code: 'not_found', message: '记录不存在' } }, 404);
  })
  .post('/proposed-indexes', async (c) => {
    await applyProposedIndexes(c.env.DB);
    return c.json({ applied: PROPOSED_INDEXES });
  })
  .get('/cursor', async (c) => {
    const kind = c.req.query('kind') ?? '';
    const offset = positiveInt(c.req.query('offset'), 'offset');
    return c.json({ cursor: await queueCursorAt(c.env.DB, kind, offset) });
  });

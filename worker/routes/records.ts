/**
 * The generic record API of docs/architecture.md, the HTTP API, the same for every lifecycle kind:
 * list, read, create, and take a transition. Thin: parse, authorize, call the lifecycle, answer.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { recordForChangeRead, recordPageRead, recordTimeline } from '../db/records';
import { badRequest, notFound } from '../http/errors';
import { createRecord } from '../lifecycle/create-record';
import { prepareCreate } from '../lifecycle/prepare-create';
import { executeTransition } from '../lifecycle/execute-transition';
import { canRead } from '../lifecycle/read-access';
import { parseListQuery } from '../lifecycle/list-query';
import { listRecordPage } from '../lifecycle/list-records';
import { recordView } from '../lifecycle/record-view';
import { lifecycleOf } from '../lifecycle/registry';
import { scopeCondition } from '../lifecycle/scope';
import { contractBody } from '../middleware/contract-body';
import { requireActor, requireActorWith } from '../middleware/require-actor';
import { CreateBodySchema, TransitionBodySchema } from '../../contract/records';
import { labelsFor } from '../lifecycle/labels';
import { applyLapse } from '../lifecycle/apply-lapse';
import { nextWaiting } from '../lifecycle/next-waiting';
import { termsChangesFor } from '../lifecycle/terms-changes';
import { latestChildId } from '../db/child-records';
import type { AnswerOf } from '../../contract/route';
import type { ListPageSchema, NextWaitingSchema, PreparedRecordSchema } from '../../contract/records';

/** Work after the answer (queueing a write's e-mail and SMS); without an execution context (an in-process call) it simply runs. */
const afterAnswer = (c: { executionCtx: { waitUntil(task: Promise<unknown>): void } }) => (task: Promise<unknown>) => {
  try {
    c.executionCtx.waitUntil(task);
  } catch {
    /* no execution context: the task runs on its own */
  }
};

export const recordRoutes = new Hono<AppEnv>()
  .get('/:kind', async (c) => {
    const actor = await requireActor(c);
    const lifecycle = lifecycleOf(c.req.param('kind'));
    if (!lifecycle.readers.includes(actor.role)) throw notFound('不支持的记录类型');
    const q = parseListQuery(c.req.query());
    return c.json((await listRecordPage({ db: c.get('db'), env: c.env, actor }, lifecycle, q)) satisfies AnswerOf<typeof ListPageSchema>);
  })
  // Before '/:kind/:id': "next" and "new" are never record ids.
  // The next record of the queue (same filters as the list) waiting for the actor after `after`.
  .get('/:kind/next', async (c) => {
    const actor = await requireActor(c);
    const lifecycle = lifecycleOf(c.req.param('kind'));
    if (!lifecycle.readers.includes(actor.role)) throw notFound('不支持的记录类型');
    const q = parseListQuery(c.req.query());
    const after = c.req.query('after') || undefined;
    if (after !== undefined && !/^[0-9a-f]{1,40}$/.test(after)) throw badRequest('bad_query', '记录编号无效');
    const next = await nextWaiting(
      c.get('db'),
      lifecycle,
      actor,
      scopeCondition(actor),
      {
        states: q.states,
        cohort: q.cohort,
        schoolId: q.schoolId,
        collegeId: q.collegeId,
        q: q.q,
      },
      after,
    );
    return c.json({ next } satisfies AnswerOf<typeof NextWaitingSchema>);
  })
  .get('/:kind/new', async (c) => {
    const actor = await requireActor(c);
    const { mode, studentId, agreementId } = c.req.query();
    const links = Object.fromEntries(
      Object.entries({ mode, studentId, agreementId }).filter(([, v]) => typeof v === 'string' && v.length <= 64),
    ) as Record<string, string>;
    return c.json(
      (await prepareCreate({ db: c.get('db'), env: c.env, actor }, c.req.param('kind'), links)) satisfies AnswerOf<
        typeof PreparedRecordSchema
      >,
    );
  })
  .get('/:kind/:id', async (c) => {
    const db = c.get('db');
    // the record, its timeline and the records started from it come in the session's round trip
    const [actor, found] = await requireActorWith(c, recordPageRead(db, c.req.param('id')));
    const lifecycle = lifecycleOf(c.req.param('kind'));
    if (!found || found.record.kind !== lifecycle.kind || !canRead(lifecycle, found.record, actor)) throw notFound();
    const record = await applyLapse(db, lifecycle, found.record);
    // a lapse just wrote an event: only then is the timeline read again
    const view = record === found.record ? found : { record, events: await recordTimeline(db, record.id), children: found.children };
    const answer = await recordView({ db, env: c.env, actor }, lifecycle, view, labelsFor(c.env, lifecycle));
    // the record's own student: what the employer changed since they last saw it (nobody else gets this)
    const termsChanges = await termsChangesFor(db, lifecycle, view, actor, answer.data, new Date().toISOString());
    return c.json(termsChanges ? { ...answer, termsChanges } : answer);
  })
  .post('/:kind', contractBody(CreateBodySchema), async (c) => {
    const actor = await requireActor(c);
    const lifecycle = lifecycleOf(c.req.param('kind'));
    const body = await c.req.valid('json');
    const db = c.get('db');
    const created = await createRecord({ db, env: c.env, actor, waitUntil: afterAnswer(c) }, lifecycle.kind, body);
    return c.json(await recordView({ db, env: c.env, actor }, lifecycle, created, labelsFor(c.env, lifecycle)), 201);
  })
  .post('/:kind/:id/:action', contractBody(TransitionBodySchema), async (c) => {
    const db = c.get('db');
    // the record comes in the session's round trip, the answer in the write's: two in all
    const [actor, current] = await requireActorWith(c, recordForChangeRead(db, c.req.param('id')));
    const lifecycle = lifecycleOf(c.req.param('kind'));
    const body = await c.req.valid('json');
    const after = await executeTransition(
      { db, env: c.env, actor, waitUntil: afterAnswer(c) },
      {
        kind: lifecycle.kind,
        id: c.req.param('id'),
        action: c.req.param('action'),
        body,
      },
      current,
    );
    const answer = await recordView({ db, env: c.env, actor }, lifecycle, after, labelsFor(c.env, lifecycle));
    // a transition that created another record (应约 → the agreement) says which, so the page can go there
    const creates = lifecycle.transitions.find((t) => t.action === c.req.param('action') && t.creates)?.creates;
    const createdId = creates ? await latestChildId(db, after.record.id, creates) : null;
    return c.json(createdId && creates ? { ...answer, created: { kind: creates, id: createdId } } : answer);
  });

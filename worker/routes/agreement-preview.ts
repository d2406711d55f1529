/**
 * POST /api/agreements/preview `{ mode: "offline", data }` (student) → 200 `{ number, form, data }`:
 * 线下签约's 预览确认. Checks everything the create checks, then answers the agreement as it will be
 * stored and the number it will get (reserved for exactly this data); `POST /api/agreements` with
 * the same data then takes that number, and without a preview is refused (422 `preview_required`).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { reservePreviewNumber } from '../domain/offline-agreements/previewed-number';
import { prepareCreateData } from '../lifecycle/create-record';
import { contractBody } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import { OfflinePreviewBodySchema, type OfflineAgreementPreviewSchema } from '../../contract/agreements';

export const agreementPreviewRoutes = new Hono<AppEnv>().post('/agreements/preview', contractBody(OfflinePreviewBodySchema), async (c) => {
  const actor = await requireActor(c, { roles: ['student'] });
  const body = await c.req.valid('json');
  const db = c.get('db');
  const { links, form, data } = await prepareCreateData({ db, env: c.env, actor }, 'agreements', body);
  const number = await reservePreviewNumber(
    db,
    { studentId: links.studentId ?? '', schoolId: links.schoolId ?? '', cohort: links.cohort ?? 0 },
    data,
  );
  return c.json({ number, form: { key: form.key, version: form.version }, data } satisfies AnswerOf<typeof OfflineAgreementPreviewSchema>);
});

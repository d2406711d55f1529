/**
 * 消息中心 (docs/architecture.md, notifications), for every signed-in account, each seeing only its own:
 * GET /api/notifications `{ items, unread }` (unread first, newest first, each with the record it is
 * about), GET /api/notifications/unread-count `{ unread }` (the header's badge),
 * POST /api/notifications/:id/read (another account's id: 404, nothing changes) and
 * POST /api/notifications/read-all; GET/PUT /api/notifications/preferences — e-mail and SMS on or
 * off per category (in-app always on).
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { listNotifications, markAllRead, markRead, unreadCount } from '../db/notifications';
import { readPreferences, savePreferences } from '../domain/notifications/preferences';
import { notFound } from '../http/errors';
import { contractBodyCheckedByDomain } from '../middleware/contract-body';
import { requireActor } from '../middleware/require-actor';
import { PreferencesBodySchema } from '../../contract/notifications';

const PAGE = 100;

/** A message with the page of the record it is about (/r/invitations/…), if any. */
const withLink = <T extends { recordKind: string | null; recordId: string | null }>(n: T) => ({
  ...n,
  link: n.recordKind && n.recordId ? `/r/${n.recordKind}/${n.recordId}` : null,
});

export const notificationRoutes = new Hono<AppEnv>()
  .get('/notifications', async (c) => {
    const actor = await requireActor(c);
    const db = c.get('db');
    const [items, unread] = await Promise.all([listNotifications(db, actor.accountId, PAGE), unreadCount(db, actor.accountId)]);
    return c.json({ items: items.map(withLink), unread });
  })
  .get('/notifications/unread-count', async (c) => {
    const actor = await requireActor(c);
    return c.json({ unread: await unreadCount(c.get('db'), actor.accountId) });
  })
  .get('/notifications/preferences', async (c) => {
    const actor = await requireActor(c);
    return c.json({ preferences: await readPreferences(c.get('db'), actor.accountId) });
  })
  .put('/notifications/preferences', contractBodyCheckedByDomain(PreferencesBodySchema), async (c) => {
    const actor = await requireActor(c);
    return c.json({ preferences: await savePreferences(c.get('db'), actor.accountId, await c.req.valid('json')) });
  })
  .post('/notifications/read-all', async (c) => {
    const actor = await requireActor(c);
    const db = c.get('db');
    const marked = await markAllRead(db, actor.accountId, new Date().toISOString());
    return c.json({ marked, unread: await unreadCount(db, actor.accountId) });
  })
  .post('/notifications/:id/read', async (c) => {
    const actor = await requireActor(c);
    const db = c.get('db');
    const read = await markRead(db, actor.accountId, c.req.param('id'), new Date().toISOString());
    if (!read) throw notFound('消息不存在');
    return c.json({ ...withLink(read), unread: await unreadCount(db, actor.accountId) });
  });

/**
 * The admin's view of e-mail and SMS (docs/architecture.md, notifications), addresses masked:
 * GET /api/admin/outbox `{ dead, pending }` (parked after the last attempt, and still waiting),
 * POST /api/admin/outbox/:id/retry (a parked row back to pending; anything else 404), and
 * GET /api/admin/local-mailbox — 本地发件箱, what the local transport "sent".
 */
import { Hono } from 'hono';
import { maskPhone } from '../../forms/engine';
import type { AppEnv } from '../app-env';
import { localMail, outboxRows, requeueDead } from '../db/outbox';
import { notFound } from '../http/errors';
import { requireActor } from '../middleware/require-actor';

const LIMIT = 200;

/** *******5678 (as phones are masked everywhere), s***@example.edu.cn */
export function maskAddress(address: string): string {
  const at = address.indexOf('@');
  if (at > 0) return `${address[0]}***${address.slice(at)}`;
  return maskPhone(address);
}

const view = <T extends { address: string }>(row: T) => ({ ...row, address: maskAddress(row.address) });

export const notificationOutboxRoutes = new Hono<AppEnv>()
  .get('/admin/outbox', async (c) => {
    await requireActor(c, { ability: 'watch_outbox' });
    const db = c.get('db');
    const [dead, pending] = await Promise.all([outboxRows(db, ['dead'], LIMIT), outboxRows(db, ['pending', 'sending'], LIMIT)]);
    return c.json({ dead: dead.map(view), pending: pending.map(view) });
  })
  .post('/admin/outbox/:id/retry', async (c) => {
    await requireActor(c, { ability: 'watch_outbox' });
    if (!(await requeueDead(c.get('db'), c.req.param('id'), new Date().toISOString()))) throw notFound('没有这条待重发的消息');
    return c.json({ id: c.req.param('id'), state: 'pending' });
  })
  .get('/admin/local-mailbox', async (c) => {
    await requireActor(c, { ability: 'watch_outbox' });
    return c.json({ items: (await localMail(c.get('db'), LIMIT)).map(view) });
  });

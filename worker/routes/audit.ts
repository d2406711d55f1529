/** GET /api/audit/verify (admin): checks the tamper-evident audit chain and names the first broken event. */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { d1ChainSource } from '../domain/audit/d1-chain-source';
import { verifyAuditChain } from '../domain/audit/verify-chain';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import type { ChainReportSchema } from '../../contract/system';

export const auditRoutes = new Hono<AppEnv>().get('/audit/verify', async (c) => {
  await requireActor(c, { ability: 'verify_audit_chain' });
  return c.json((await verifyAuditChain(d1ChainSource(c.get('db')))) satisfies AnswerOf<typeof ChainReportSchema>);
});

/** GET /api/audit/verify — the audit chain check (admin). */
import type * as v from 'valibot';
import { api } from './client';
import type { ChainProblemSchema, ChainReportSchema } from '../../../contract/system';

export type ChainProblem = v.InferOutput<typeof ChainProblemSchema>;

export type ChainReport = v.InferOutput<typeof ChainReportSchema>;

export function verifyAuditChain(): Promise<ChainReport> {
  return api<ChainReport>('/api/audit/verify');
}

/** GET /api/audit/verify — the audit chain check (admin). */
import { api } from './client';

export interface ChainProblem {
  recordId: string;
  kind: string;
  eventId: string | null;
  at: string | null;
  code: string;
  message: string;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  events: number;
  hashedEvents: number;
  preChainRecords: number;
  firstBroken: ChainProblem | null;
  problems: ChainProblem[];
  checkedAt: string;
}

export function verifyAuditChain(): Promise<ChainReport> {
  return api<ChainReport>('/api/audit/verify');
}

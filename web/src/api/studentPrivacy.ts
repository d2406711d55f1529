/** A student's own lookups (谁查询过我) and 签约码. */
import { api } from './client';

export type LookupBy = 'idNumber' | 'phone' | 'namePhone' | 'code';

export interface MyLookup {
  employerName: string;
  at: string;
  by: LookupBy;
}

export interface SigningCode {
  id: string;
  /** the last 2 characters: the code itself is shown only when it is created */
  hint: string;
  createdAt: string;
  expiresAt: string;
}

export interface CreatedSigningCode extends SigningCode {
  code: string;
}

export const LOOKUP_BY_LABELS: Record<LookupBy, string> = {
  idNumber: '身份证号', phone: '手机号', namePhone: '姓名 + 手机号', code: '签约码',
};

export function listMyLookups(signal?: AbortSignal): Promise<{ items: MyLookup[] }> {
  return api('/api/students/me/lookups', { signal });
}

export function listSigningCodes(signal?: AbortSignal): Promise<{ items: SigningCode[] }> {
  return api('/api/students/me/signing-codes', { signal });
}

export function createSigningCode(): Promise<CreatedSigningCode> {
  return api('/api/students/me/signing-codes', { method: 'POST', body: {} });
}

export function revokeSigningCode(id: string): Promise<{ ok: true }> {
  return api(`/api/students/me/signing-codes/${encodeURIComponent(id)}`, { method: 'DELETE' });
}

/** A student's own lookups (谁查询过我) and 签约码. */
import type * as v from 'valibot';
import { api } from './client';
import type { CreatedSigningCodeSchema, LOOKUP_BY_VALUES, MyLookupSchema, SigningCodeSchema } from '../../../contract/students';

export type LookupBy = (typeof LOOKUP_BY_VALUES)[number];

export type MyLookup = v.InferOutput<typeof MyLookupSchema>;

export type SigningCode = v.InferOutput<typeof SigningCodeSchema>;

export type CreatedSigningCode = v.InferOutput<typeof CreatedSigningCodeSchema>;

export const LOOKUP_BY_LABELS: Record<LookupBy, string> = {
  idNumber: '身份证号',
  phone: '手机号',
  namePhone: '姓名 + 手机号',
  code: '签约码',
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

/** 线下签约 预览确认: POST /api/agreements/preview — the agreement as it will be stored and its number. */
import { api } from './client';

export interface OfflineAgreementPreview {
  number: string;
  form: { key: string; version: number };
  data: Record<string, unknown>;
}

export function previewOfflineAgreement(data: Record<string, unknown>): Promise<OfflineAgreementPreview> {
  return api<OfflineAgreementPreview>('/api/agreements/preview', { method: 'POST', body: { mode: 'offline', data } });
}

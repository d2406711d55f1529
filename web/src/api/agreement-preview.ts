/** 线下签约 预览确认: POST /api/agreements/preview — the agreement as it will be stored and its number. */
import type * as v from 'valibot';
import { api } from './client';
import type { OfflineAgreementPreviewSchema } from '../../../contract/agreements';

export type OfflineAgreementPreview = v.InferOutput<typeof OfflineAgreementPreviewSchema>;

export function previewOfflineAgreement(data: Record<string, unknown>): Promise<OfflineAgreementPreview> {
  return api<OfflineAgreementPreview>('/api/agreements/preview', { method: 'POST', body: { mode: 'offline', data } });
}

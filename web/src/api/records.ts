/** The generic record API: list, read, create, take a transition. */
import { api, withQuery } from './client';
import type { ListPage, RecordView } from './types';

export interface ListQuery {
  state?: string;
  cohort?: string;
  school?: string;
  college?: string;
  q?: string;
  cursor?: string | null;
  limit?: number;
}

const path = (kind: string) => `/api/${encodeURIComponent(kind)}`;

export function listRecords(kind: string, query: ListQuery, signal?: AbortSignal): Promise<ListPage> {
  return api<ListPage>(withQuery(path(kind), { ...query }), { signal });
}

export function getRecord(kind: string, id: string, signal?: AbortSignal): Promise<RecordView> {
  return api<RecordView>(`${path(kind)}/${encodeURIComponent(id)}`, { signal });
}

export function createRecord(kind: string, body: Record<string, unknown>): Promise<RecordView> {
  return api<RecordView>(path(kind), { method: 'POST', body });
}

export function takeAction(
  kind: string,
  id: string,
  action: string,
  body: { version: number; data?: Record<string, unknown>; reason?: string },
): Promise<RecordView> {
  return api<RecordView>(`${path(kind)}/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: 'POST', body });
}

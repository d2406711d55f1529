/** The generic record API: list, read, create, take a transition. */
import { api, withQuery } from './client';
import { forgetLifecycles } from './lifecycles';
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

export interface PreparedRecord {
  kind: string;
  form: { key: string; version: number };
  step: string;
  draft: boolean;
  data: Record<string, unknown>;
}

/** GET /api/<kind>/new: the form version, step and server prefill a create starts from. */
export function prepareRecord(kind: string, links: Record<string, string>, signal?: AbortSignal): Promise<PreparedRecord> {
  return api<PreparedRecord>(withQuery(`${path(kind)}/new`, links), { signal });
}

/** Creates and transitions change what may be created next (an active agreement, a lifted one): ask again. */
async function changing<T>(write: Promise<T>): Promise<T> {
  const result = await write;
  forgetLifecycles();
  return result;
}

export function createRecord(kind: string, body: Record<string, unknown>): Promise<RecordView> {
  return changing(api<RecordView>(path(kind), { method: 'POST', body }));
}

export function takeAction(
  kind: string,
  id: string,
  action: string,
  body: { version: number; data?: Record<string, unknown>; reason?: string },
): Promise<RecordView> {
  return changing(api<RecordView>(`${path(kind)}/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: 'POST', body }));
}

/** The generic record API: list, read, create, take a transition. */
import { api, withQuery } from './client';
import { forgetLifecycles } from './lifecycles';
import type * as v from 'valibot';
import type { ListPage, RecordView } from './types';
import type { PreparedRecordSchema, TransitionBodySchema } from '../../../contract/records';
import type { ReasonListSchema } from '../../../contract/lifecycles';

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

export type PreparedRecord = v.InferOutput<typeof PreparedRecordSchema>;

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

export function takeAction(kind: string, id: string, action: string, body: v.InferInput<typeof TransitionBodySchema>): Promise<RecordView> {
  return changing(api<RecordView>(`${path(kind)}/${encodeURIComponent(id)}/${encodeURIComponent(action)}`, { method: 'POST', body }));
}

/** GET /api/<kind>/next: the next record of the queue (the list's filters) waiting for the caller after `after`. */
export function nextWaiting(kind: string, query: Omit<ListQuery, 'cursor' | 'limit'>, after: string): Promise<{ next: string | null }> {
  return api<{ next: string | null }>(withQuery(`${path(kind)}/next`, { ...query, after }));
}

export type ReasonList = v.InferOutput<typeof ReasonListSchema>;

/** Admin: the reasons offered when rejecting records of a kind (404 for kinds without a reject). */
export function getReasonList(kind: string): Promise<ReasonList> {
  return api<ReasonList>(`/api/lifecycles/${encodeURIComponent(kind)}/reasons`);
}

/** Admin: replaces the list, or (null) goes back to the default. */
export function putReasonList(kind: string, reasons: string[] | null): Promise<ReasonList> {
  return api<ReasonList>(`/api/lifecycles/${encodeURIComponent(kind)}/reasons`, { method: 'PUT', body: { reasons } });
}

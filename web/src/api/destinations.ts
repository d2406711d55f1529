/** 毕业去向登记 beyond the record routes: 去向跟进 (GET/POST /api/destinations/follow-up…) and the export. */
import { api, withQuery } from './client';

export interface FollowUpNote {
  text: string;
  by: string;
  at: string;
}

export interface FollowUpRow {
  studentId: string;
  name: string;
  studentNo: string | null;
  major: string | null;
  cohort: number;
  recordId: string | null;
  destination: string | null;
  destinationLabel: string | null;
  /** 'unregistered' (未登记), 'waiting' (待就业, registered 70) or the record's state */
  status: string;
  statusLabel: string;
  note: FollowUpNote | null;
}

export interface FollowUpList {
  majors: string[];
  counts: { total: number; unregistered: number; waiting: number };
  page: number;
  hasMore: boolean;
  items: FollowUpRow[];
}

export function loadFollowUp(query: { major?: string; page?: number }, signal?: AbortSignal): Promise<FollowUpList> {
  return api<FollowUpList>(withQuery('/api/destinations/follow-up', { major: query.major || undefined, page: query.page }), { signal });
}

export function addFollowUpNote(studentId: string, text: string): Promise<FollowUpNote> {
  return api<FollowUpNote>(`/api/destinations/follow-up/${encodeURIComponent(studentId)}/notes`, { method: 'POST', body: { text } });
}

export const destinationExportHref = (format: 'csv' | 'xlsx') => `/api/destinations/export?format=${format}`;

/** A cohort's 毕业去向登记 rules (GET/PUT /api/destinations/settings/:cohort; the province sets them). */
export interface DestinationSettings {
  cohort: number;
  changeDeadline: string;
  centerCodes: string[];
  set: boolean;
}

export function loadDestinationSettings(cohort: number, signal?: AbortSignal): Promise<DestinationSettings> {
  return api<DestinationSettings>(`/api/destinations/settings/${cohort}`, { signal });
}

export function saveDestinationSettings(
  cohort: number,
  body: { changeDeadline: string; centerCodes: string[] },
): Promise<DestinationSettings> {
  return api<DestinationSettings>(`/api/destinations/settings/${cohort}`, { method: 'PUT', body });
}

/** 学校信息 (school reviewer): GET/PUT /api/schools/me/profile. */
import type * as v from 'valibot';
import { api } from './client';
import type { SavedSchoolProfileSchema, SCHOOL_PROFILE_KEYS, SchoolProfileViewSchema } from '../../../contract/schools';
import type { RecordView } from './types';

export type SchoolProfileKey = (typeof SCHOOL_PROFILE_KEYS)[number];
export type SchoolProfileValues = Record<SchoolProfileKey, string | null>;

export type SchoolProfileView = v.InferOutput<typeof SchoolProfileViewSchema>;

export const SCHOOL_PROFILE_URL = '/api/schools/me/profile';

export function loadSchoolProfile(signal?: AbortSignal): Promise<SchoolProfileView> {
  return api<SchoolProfileView>(SCHOOL_PROFILE_URL, { signal });
}

export function saveSchoolProfile(values: SchoolProfileValues): Promise<v.InferOutput<typeof SavedSchoolProfileSchema>> {
  return api(SCHOOL_PROFILE_URL, { method: 'PUT', body: values });
}

/** The record's data with the server's prefill for its still-empty fields (the prefill names only those). */
export function withPrefill(record: Pick<RecordView, 'data' | 'prefill'>): Record<string, unknown> {
  return record.prefill && Object.keys(record.prefill).length ? { ...record.data, ...record.prefill } : record.data;
}

/**
 * Form definitions: GET /api/forms/:key (latest published) and /api/forms/:key/versions/:n.
 * Published versions are immutable, so they are cached by key + version for the page's life.
 */
import type { FormDefinition } from '../../../forms/engine/types';
import { api } from './client';
import type { FormResponse } from './types';

export type LoadedForm = FormResponse<FormDefinition>;

const byVersion = new Map<string, Promise<LoadedForm>>();

function remember(key: string, version: number, p: Promise<LoadedForm>): Promise<LoadedForm> {
  const id = `${key}@${version}`;
  byVersion.set(id, p);
  p.catch(() => byVersion.delete(id));
  return p;
}

export function loadFormVersion(key: string, version: number): Promise<LoadedForm> {
  const hit = byVersion.get(`${key}@${version}`);
  if (hit) return hit;
  return remember(key, version, api<LoadedForm>(`/api/forms/${encodeURIComponent(key)}/versions/${version}`));
}

/** The latest published version (not cached: a new version may be published any time). */
export async function loadLatestForm(key: string): Promise<LoadedForm> {
  const form = await api<LoadedForm>(`/api/forms/${encodeURIComponent(key)}`);
  if (!byVersion.has(`${form.key}@${form.version}`)) remember(form.key, form.version, Promise.resolve(form));
  return form;
}

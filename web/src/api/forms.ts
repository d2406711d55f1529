/**
 * Form definitions: GET /api/forms/:key (latest published) and /api/forms/:key/versions/:n.
 * Published versions are immutable, so they are cached by key + version for the page's life.
 */
import type { FormDefinition } from '../../../forms/engine/types';
import { api, withQuery } from './client';
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

// ── admin: drafts, versions, impact, publish ─────────────────────────────────────

export interface DefinitionProblem {
  path: string;
  message: string;
}

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  records: number;
}

export interface FormSummary {
  key: string;
  title: string;
  latestVersion: number;
  versions: VersionSummary[];
  draft: { updatedAt: string; updatedBy: string; baseVersion: number | null } | null;
}

export interface DraftResponse {
  latestVersion: number;
  draft: { definition: FormDefinition; updatedAt: string; updatedBy: string; baseVersion: number | null } | null;
}

/** A draft started from a version that is no longer the latest: publishing it would undo the newer one. */
export interface StaleBase {
  baseVersion: number;
  latestVersion: number;
  publishedBy: string;
  publishedAt: string;
  message: string;
}

export interface SavedDraft {
  latestVersion: number;
  baseVersion: number;
  staleBase: StaleBase | null;
  updatedAt: string;
  errors: DefinitionProblem[];
  lifecycleErrors: DefinitionProblem[];
}

export interface PropChange {
  prop: string;
  from: unknown;
  to: unknown;
}

export interface DefinitionDiff {
  added: Array<{ key: string; label: string }>;
  removed: Array<{ key: string; label: string }>;
  renamed: Array<{ from: string; to: string; label: string }>;
  changed: Array<{ key: string; label: string; changes: PropChange[] }>;
  other: PropChange[];
}

export interface ImpactReport {
  formKey: string;
  latestVersion: number;
  changes: DefinitionDiff;
  checked: number;
  truncated: boolean;
  affectedCount: number;
  affected: Array<{
    id: string; kind: string; state: string; stateLabel: string; formVersion: number;
    errors: Array<{ path: string; code: string; message: string }>;
    dropped: string[];
  }>;
  lifecycleErrors?: DefinitionProblem[];
  baseVersion?: number;
  staleBase?: StaleBase | null;
}

const base = (key: string) => `/api/forms/${encodeURIComponent(key)}`;

export const listForms = () => api<{ items: FormSummary[] }>('/api/forms').then((r) => r.items);
export const loadDraft = (key: string) => api<DraftResponse>(`${base(key)}/draft`);
/**
 * Saves the draft with the published version it is based on (see StaleBase) and the `updatedAt` of
 * the draft the edits were made on (null: none), so another admin's save in between is not
 * overwritten (409 stale_draft).
 */
export const saveDraft = (key: string, definition: FormDefinition, baseVersion: number, savedAt: string | null) =>
  api<SavedDraft>(`${base(key)}/draft`, { method: 'PUT', body: { definition, baseVersion, savedAt } });
/** What saving would report, without saving. */
export const checkDraft = (key: string, definition: FormDefinition) =>
  api<{ errors: DefinitionProblem[]; lifecycleErrors: DefinitionProblem[] }>(`${base(key)}/check`, { body: { definition } });
export const discardDraft = (key: string) => api<null>(`${base(key)}/draft`, { method: 'DELETE' });
export const loadImpact = (key: string) => api<ImpactReport>(`${base(key)}/impact`);
export const loadDiff = (key: string, from: string, to: string) =>
  api<DefinitionDiff>(withQuery(`${base(key)}/diff`, { from, to }));

/** Publishes the saved draft; answers 409 `impact_unconfirmed` with the impact until `confirm`. */
export const publishDraft = (key: string, baseVersion: number, confirm: boolean) =>
  api<{ key: string; version: number }>(`${base(key)}/publish`, { body: { baseVersion, confirm } });
export const rollbackTo = (key: string, version: number, confirm: boolean) =>
  api<{ key: string; version: number }>(`${base(key)}/rollback`, { body: { version, confirm } });

/**
 * Form definitions: GET /api/forms/:key (latest published) and /api/forms/:key/versions/:n.
 * Published versions are immutable, so they are cached by key + version for the page's life.
 */
import type { FormDefinition } from '../../../forms/engine/types';
import { api, withQuery } from './client';
import type * as v from 'valibot';
import type { FormResponse } from './types';
import type {
  CheckAnswerSchema,
  DefinitionDiffSchema,
  DefinitionProblemSchema,
  DraftAnswerSchema,
  FormSummarySchema,
  ImpactReportSchema,
  PropChangeSchema,
  PublishedSchema,
  SavedDraftSchema,
  StaleBaseSchema,
  VersionSummarySchema,
} from '../../../contract/forms';

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
  if (!byVersion.has(`${form.key}@${form.version}`)) void remember(form.key, form.version, Promise.resolve(form));
  return form;
}

// ── admin: drafts, versions, impact, publish ─────────────────────────────────────

export type DefinitionProblem = v.InferOutput<typeof DefinitionProblemSchema>;

export type VersionSummary = v.InferOutput<typeof VersionSummarySchema>;

export type FormSummary = v.InferOutput<typeof FormSummarySchema>;

/** The draft's definition is typed by the form engine's own format. */
export type DraftResponse = Omit<v.InferOutput<typeof DraftAnswerSchema>, 'draft'> & {
  draft: (Omit<NonNullable<v.InferOutput<typeof DraftAnswerSchema>['draft']>, 'definition'> & { definition: FormDefinition }) | null;
};

/** A draft started from a version that is no longer the latest: publishing it would undo the newer one. */
export type StaleBase = v.InferOutput<typeof StaleBaseSchema>;

export type SavedDraft = v.InferOutput<typeof SavedDraftSchema>;

export type PropChange = v.InferOutput<typeof PropChangeSchema>;

export type DefinitionDiff = v.InferOutput<typeof DefinitionDiffSchema>;

export type ImpactReport = v.InferOutput<typeof ImpactReportSchema>;

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
  api<v.InferOutput<typeof CheckAnswerSchema>>(`${base(key)}/check`, { body: { definition } });
export const discardDraft = (key: string) => api<null>(`${base(key)}/draft`, { method: 'DELETE' });
export const loadImpact = (key: string) => api<ImpactReport>(`${base(key)}/impact`);
export const loadDiff = (key: string, from: string, to: string) => api<DefinitionDiff>(withQuery(`${base(key)}/diff`, { from, to }));

/** Publishes the saved draft; answers 409 `impact_unconfirmed` with the impact until `confirm`. */
export const publishDraft = (key: string, baseVersion: number, confirm: boolean) =>
  api<v.InferOutput<typeof PublishedSchema>>(`${base(key)}/publish`, { body: { baseVersion, confirm } });
export const rollbackTo = (key: string, version: number, confirm: boolean) =>
  api<v.InferOutput<typeof PublishedSchema>>(`${base(key)}/rollback`, { body: { version, confirm } });

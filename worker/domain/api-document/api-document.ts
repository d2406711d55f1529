/**
 * The OpenAPI document of the running worker: the route contract (contract/) with each lifecycle
 * kind's actions and the currently published version of every form.
 */
import { buildOpenApiDocument, type KindInfo } from '../../../contract/openapi';
import type { Db } from '../../db/client';
import { latestForm } from '../../form-registry/registry';
import { LIFECYCLES } from '../../lifecycle/registry';
import type { Lifecycle } from '../../lifecycle/types';

/** Each lifecycle kind with its form and its actions (one entry per action name). */
export function lifecycleKinds(): KindInfo[] {
  return Object.values<Lifecycle>(LIFECYCLES).map((l) => ({
    kind: l.kind,
    label: l.label,
    form: l.form,
    actions: [...new Map(l.transitions.map((t) => [t.action, { action: t.action, label: t.label }])).values()],
  }));
}

/** The forms the document describes: every lifecycle's, and the employer registration's. */
export function documentedForms(kinds: KindInfo[]): string[] {
  return [...new Set([...kinds.map((k) => k.form), 'employer'])];
}

export async function apiDocument(db: Db) {
  const kinds = lifecycleKinds();
  const published = await Promise.all(documentedForms(kinds).map((key) => latestForm(db, key)));
  return buildOpenApiDocument({
    kinds,
    forms: Object.fromEntries(published.map((f) => [f.key, { version: f.version, definition: f.definition }])),
  });
}

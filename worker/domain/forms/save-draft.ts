/**
 * Saving keeps a draft, even an unfinished one: the answer lists what the validator and the
 * lifecycle dependencies still object to, so the editor can show it where it belongs.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { saveDraft } from '../../db/forms';
import { latestForm } from '../../forms/registry';
import { definitionProblems } from './definition-problems';

export async function saveFormDraft(db: Db, actor: Actor, formKey: string, definition: Record<string, unknown>) {
  const latest = await latestForm(db, formKey);
  const at = new Date().toISOString();
  await saveDraft(db, formKey, definition, actor.username, at);
  const { shape, lifecycle } = await definitionProblems(db, formKey, definition);
  return { key: formKey, latestVersion: latest.version, updatedAt: at, updatedBy: actor.username, errors: shape, lifecycleErrors: lifecycle };
}

/**
 * Saving keeps a draft, even an unfinished one: the answer lists what the validator and the
 * lifecycle dependencies still object to, so the editor can show it where it belongs. The draft
 * keeps the version it was started from (see draft-base.ts): a new draft starts from the latest
 * version; later saves keep their base unless the admin moves the draft onto a newer one.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { draftRow, saveDraft } from '../../db/forms';
import { latestForm } from '../../forms/registry';
import { badRequest } from '../../http/errors';
import { definitionProblems } from './definition-problems';
import { staleBase } from './draft-base';

export async function saveFormDraft(db: Db, actor: Actor, formKey: string, definition: Record<string, unknown>, requestedBase?: number) {
  const latest = await latestForm(db, formKey);
  if (requestedBase !== undefined && (requestedBase < 1 || requestedBase > latest.version)) {
    throw badRequest('bad_field', `baseVersion 应为 1–${latest.version} 之间的已发布版本`, [{ path: 'baseVersion', code: 'type', message: '不是已发布的版本' }]);
  }
  const existing = await draftRow(db, formKey);
  const baseVersion = requestedBase ?? existing?.baseVersion ?? latest.version;
  const at = new Date().toISOString();
  await saveDraft(db, formKey, definition, actor.username, at, baseVersion);
  const { shape, lifecycle } = await definitionProblems(db, formKey, definition);
  return {
    key: formKey, latestVersion: latest.version, baseVersion, updatedAt: at, updatedBy: actor.username,
    errors: shape, lifecycleErrors: lifecycle, staleBase: await staleBase(db, formKey, baseVersion, latest.version),
  };
}

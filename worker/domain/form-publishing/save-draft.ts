/**
 * Saving keeps a draft, even an unfinished one: the answer lists what the validator and the
 * lifecycle dependencies still object to, so the editor can show it where it belongs. The draft
 * keeps the version it was started from (see draft-base.ts): a new draft starts from the latest
 * version; later saves keep their base unless the admin moves the draft onto a newer one.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { draftRow, saveDraft } from '../../db/forms';
import { latestForm } from '../../form-registry/registry';
import { badRequest, conflict } from '../../http/errors';
import { definitionProblems } from './definition-problems';
import { staleBase } from './draft-base';

export interface SaveDraftOptions {
  /** the published version the draft starts from; kept from the stored draft when left out */
  baseVersion?: number;
  /**
   * The `updatedAt` of the draft the edits were made on (`null`: they started from no draft). When
   * given, a draft someone else saved in the meantime is not overwritten: 409 `stale_draft`.
   */
  savedAt?: string | null;
}

export async function saveFormDraft(
  db: Db,
  actor: Actor,
  formKey: string,
  definition: Record<string, unknown>,
  options: SaveDraftOptions = {},
) {
  const { baseVersion: requestedBase, savedAt } = options;
  const latest = await latestForm(db, formKey);
  if (requestedBase !== undefined && (requestedBase < 1 || requestedBase > latest.version)) {
    throw badRequest('bad_field', `baseVersion 应为 1–${latest.version} 之间的已发布版本`, [
      { path: 'baseVersion', code: 'type', message: '不是已发布的版本' },
    ]);
  }
  const existing = await draftRow(db, formKey);
  const baseVersion = requestedBase ?? existing?.baseVersion ?? latest.version;
  const at = new Date().toISOString();
  if (!(await saveDraft(db, formKey, definition, actor.username, at, baseVersion, savedAt))) {
    const current = await draftRow(db, formKey);
    throw conflict(
      current
        ? `草稿已被 ${current.updatedBy} 于 ${current.updatedAt.slice(0, 16).replace('T', ' ')}（UTC）保存过，这次保存会覆盖其修改：请重新载入草稿后再编辑`
        : '草稿已被他人放弃或发布，请重新载入后再编辑',
      'stale_draft',
    );
  }
  const { shape, lifecycle } = await definitionProblems(db, formKey, definition);
  return {
    key: formKey,
    latestVersion: latest.version,
    baseVersion,
    updatedAt: at,
    updatedBy: actor.username,
    errors: shape,
    lifecycleErrors: lifecycle,
    staleBase: await staleBase(db, formKey, baseVersion, latest.version),
  };
}

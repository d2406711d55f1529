/**
 * Publishing: a checked definition becomes the next immutable version, written together with its
 * audit event in one batch. When in-flight records would be affected the admin must confirm;
 * a rollback publishes an older version's content the same way, as a new version.
 */
import type { Actor } from '../../auth/actor';
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { deleteDraftStatement, insertVersionStatement } from '../../db/forms';
import { isUniqueViolation } from '../../db/records';
import { latestForm } from '../../form-registry/registry';
import { conflict } from '../../http/errors';
import { subjectAuditWrites } from '../../lifecycle/audit';
import { assertPublishable } from './definition-problems';
import { assertBaseIsLatest } from './draft-base';
import { isEmptyDiff } from './diff-definitions';
import { formImpact, type ImpactReport } from './form-impact';

export interface PublishInput {
  definition: unknown;
  /** the admin has seen the impact report and publishes anyway */
  confirm: boolean;
  /** the version the admin's editor was based on; a newer one published meanwhile is a conflict */
  baseVersion?: number;
  /** the version the saved draft being published was started from (same rule) */
  draftBaseVersion?: number | null;
  /** set for a rollback: the version whose content is published again */
  rollbackOf?: number;
  /** a publish replaces the draft; a rollback leaves it */
  clearDraft: boolean;
}

export type PublishResult =
  | { published: true; key: string; version: number }
  | { published: false; impact: ImpactReport & { affectedCount: number } };

export async function publishForm(db: Db, env: Env, actor: Actor, formKey: string, input: PublishInput): Promise<PublishResult> {
  const latest = await latestForm(db, formKey);
  await assertBaseIsLatest(db, formKey, input.draftBaseVersion, latest.version);
  await assertBaseIsLatest(db, formKey, input.baseVersion, latest.version);
  const definition = await assertPublishable(db, formKey, input.definition);
  const impact = await formImpact(db, env, formKey, definition);
  if (isEmptyDiff(impact.changes)) throw conflict(`内容与当前版本 v${latest.version} 相同，无需发布`, 'unchanged');
  if (impact.affectedCount > 0 && !input.confirm) return { published: false, impact };

  const version = latest.version + 1;
  const at = new Date().toISOString();
  const content = definition as unknown as Record<string, unknown>;
  const reason = input.rollbackOf !== undefined ? `回滚：以 v${input.rollbackOf} 的内容发布为 v${version}` : `发布 v${version}`;
  try {
    await runBatch(db, [
      insertVersionStatement(db, formKey, version, content, actor.username, at),
      // a form version has no records row: its events chain under the subject `form:<key>`
      ...(await subjectAuditWrites(db, {
        recordId: `form:${formKey}`,
        kind: 'forms',
        action: 'publish',
        fromState: `v${latest.version}`,
        toState: `v${version}`,
        actor,
        reason,
        data: content,
        at,
      })),
      ...(input.clearDraft ? [deleteDraftStatement(db, formKey)] : []),
    ]);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict('其他管理员刚刚发布了新版本，请刷新后重试', 'stale_base_version');
    throw err;
  }
  return { published: true, key: formKey, version };
}

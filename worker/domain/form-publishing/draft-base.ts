/**
 * A draft remembers the published version it was started from. When another admin publishes in
 * the meantime, publishing the draft as it stands would silently undo their version, so the draft
 * is "stale" until its admin has looked at what changed and moved it onto the latest version.
 */
import type { Db } from '../../db/client';
import { formVersionRow } from '../../db/forms';
import { conflict } from '../../http/errors';

export interface StaleBase {
  baseVersion: number;
  latestVersion: number;
  /** who published the latest version, and when */
  publishedBy: string;
  publishedAt: string;
  message: string;
}

export async function staleBase(
  db: Db,
  formKey: string,
  baseVersion: number | null | undefined,
  latestVersion: number,
): Promise<StaleBase | null> {
  if (baseVersion === null || baseVersion === undefined || baseVersion === latestVersion) return null;
  const latest = await formVersionRow(db, formKey, latestVersion);
  const publishedBy = latest?.publishedBy ?? '';
  const publishedAt = latest?.publishedAt ?? '';
  const message =
    `草稿基于 v${baseVersion} 编辑，之后${publishedBy ? ` ${publishedBy} ` : ''}已发布了 v${latestVersion}。` +
    `直接发布会覆盖 v${latestVersion} 的修改：请先对比 v${baseVersion} 与 v${latestVersion}，把草稿更新到 v${latestVersion} 后再发布`;
  return { baseVersion, latestVersion, publishedBy, publishedAt, message };
}

export async function assertBaseIsLatest(
  db: Db,
  formKey: string,
  baseVersion: number | null | undefined,
  latestVersion: number,
): Promise<void> {
  const stale = await staleBase(db, formKey, baseVersion, latestVersion);
  if (stale) throw conflict(stale.message, 'stale_base_version');
}

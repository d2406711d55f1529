/**
 * Who may read an upload: its owner while it is loose (not yet part of any record); once it is
 * attached, exactly those who may read that record — the uploader included only if they still may.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import type { FileRow } from '../../db/files';
import { findRecord } from '../../db/records';
import { canRead } from '../../lifecycle/read-access';
import { LIFECYCLES } from '../../lifecycle/registry';
import type { Kind } from '../../lifecycle/types';

export async function canReadFile(db: Db, file: FileRow, actor: Actor): Promise<boolean> {
  if (file.recordId === null) return file.ownerId === actor.accountId;
  const record = await findRecord(db, file.recordId);
  if (!record) return false;
  const lifecycle = Object.hasOwn(LIFECYCLES, record.kind) ? LIFECYCLES[record.kind as Kind] : undefined;
  if (!lifecycle) return false;
  return canRead(lifecycle, record, actor);
}

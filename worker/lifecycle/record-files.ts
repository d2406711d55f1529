import { allFileIds, attachFiles, checkFileIds, fileRefsOf } from '../domain/files/attach-files';
import type { FormDefinition } from '../../forms/engine/types';
import type { Write } from '../db/batch';
import type { Deps } from './types';

/**
 * Files named by the record's `file` fields are checked (the actor's own uploads, or already this
 * record's) and attached in the same batch as the record write.
 */
export async function recordFileWrites(
  deps: Deps,
  definition: FormDefinition,
  data: Record<string, unknown>,
  recordId: string,
): Promise<Write[]> {
  const refs = fileRefsOf(definition, data);
  if (refs.length === 0) return [];
  await checkFileIds(deps.db, refs, deps.actor, recordId);
  return attachFiles(deps.db, { recordId, fileIds: allFileIds(refs), actor: deps.actor });
}

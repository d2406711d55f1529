/**
 * Files become part of a record when a transition saves form data whose `file` fields hold their
 * ids. The executor first calls `checkFileIds` (a 422 naming the field), then adds the writes of
 * `attachFiles` to its batch, so the record and its files change together or not at all.
 */
import { allFields, type FieldDef, type FormDefinition } from '../../../forms/engine';
import type { Actor } from '../../auth/actor';
import type { Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { abortUnlessAllAttached, attachStatement, chunks, findFiles, type FileRow } from '../../db/files';
import { invalid, type FieldIssue } from '../../http/errors';
import { acceptKindOf } from './sniff-content-type';

/** The file ids one form field holds, with the field's path as validation errors name it. */
export interface FileRef {
  /** the field key, or `group.<row>.key` inside a repeating group */
  path: string;
  ids: string[];
  accept?: FieldDef['accept'];
}

const idList = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string' && id !== '') : [];

/** Every file reference in validated form data, top-level fields and group rows alike. */
export function fileRefsOf(definition: FormDefinition, data: Record<string, unknown>): FileRef[] {
  const refs: FileRef[] = [];
  for (const field of allFields(definition)) {
    if (field.type === 'file') {
      const ids = idList(data[field.key]);
      if (ids.length) refs.push({ path: field.key, ids, accept: field.accept });
    } else if (field.type === 'group') {
      const rows = Array.isArray(data[field.key]) ? (data[field.key] as unknown[]) : [];
      rows.forEach((row, i) => {
        if (!row || typeof row !== 'object') return;
        for (const sub of field.fields ?? []) {
          if (sub.type !== 'file') continue;
          const ids = idList((row as Record<string, unknown>)[sub.key]);
          if (ids.length) refs.push({ path: `${field.key}.${i}.${sub.key}`, ids, accept: sub.accept });
        }
      });
    }
  }
  return refs;
}

export const allFileIds = (refs: readonly FileRef[]): string[] => [...new Set(refs.flatMap((r) => r.ids))];

/**
 * Throws a 422 naming each field whose files cannot go on this record: unknown (or swept), another
 * account's loose upload, attached to a different record, or of a kind the field does not accept.
 * Another account's file and an unknown id get the same message: uploads are not to be probed.
 */
export async function checkFileIds(db: Db, fileIds: readonly FileRef[], actor: Actor, recordId: string): Promise<void> {
  const rows = new Map((await findFiles(db, allFileIds(fileIds))).map((f) => [f.id, f]));
  const issues: FieldIssue[] = [];
  for (const ref of fileIds) {
    // one message per field is enough for the form to show
    const message = ref.ids.map((id) => problemWith(rows.get(id), ref, actor, recordId)).find((m) => m !== null);
    if (message) issues.push({ path: ref.path, code: 'file', message });
  }
  if (issues.length) throw invalid('上传的文件无效，请检查标红的字段', issues, 'validation');
}

function problemWith(file: FileRow | undefined, ref: FileRef, actor: Actor, recordId: string): string | null {
  if (!file || (file.recordId === null && file.ownerId !== actor.accountId)) return '文件不存在或已过期，请重新上传';
  // one upload belongs to one record, or it would be readable through both
  if (file.recordId !== null && file.recordId !== recordId) return '该文件已用于其他记录，请重新上传';
  const kind = acceptKindOf(file.contentType);
  if (ref.accept && (!kind || !ref.accept.includes(kind))) return ref.accept.includes('pdf') ? '只能上传 PDF 文件' : '只能上传图片';
  return null;
}

export interface AttachRequest {
  recordId: string;
  fileIds: readonly string[];
  actor: Actor;
}

/**
 * The writes that attach the files to the record, each chunk followed by a guard that aborts the
 * batch unless all of them ended up on this record (a race with another attach loses with a 409).
 */
export function attachFiles(db: Db, { recordId, fileIds, actor }: AttachRequest): Write[] {
  return chunks([...new Set(fileIds)]).flatMap((ids) => [
    attachStatement(db, ids, recordId, actor.accountId),
    abortUnlessAllAttached(ids, recordId),
  ]);
}

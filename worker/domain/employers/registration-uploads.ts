/**
 * 营业执照 for 用人单位注册: the licence is uploaded (POST /api/files) before the employer has an
 * account, so such an upload belongs to the registration-upload account of migration 0013 (nobody
 * signs in as it) until the registration attaches it. Each anonymous upload counts against the
 * address's registration limit (REGISTER_IP_LIMITER), and all of them together against a quota of
 * their own, so an address cannot store much and everybody's stays bounded. The file id (a time
 * plus 80 random bits, answered only to the uploader) is what lets its registration use it; until
 * then nobody can read it, and the scheduled sweep removes it after a day like any loose upload.
 */
import type { FormDefinition } from '../../../forms/engine';
import type { Write } from '../../db/batch';
import type { Db } from '../../db/client';
import { abortUnlessAllAttached, attachStatement, chunks, findFiles, type FileRow } from '../../db/files';
import { invalid, type FieldIssue } from '../../http/errors';
import { allFileIds, fileRefsOf, type FileRef } from '../files/attach-files';
import { acceptKindOf } from '../files/sniff-content-type';
import type { UploadQuota } from '../files/upload-quota';

/** The account that owns registration uploads until their registration attaches them. */
export const REGISTRATION_UPLOAD_OWNER = 'acc-registration-uploads';

/**
 * All anonymous registrations together, per 24 hours and loose at one time: a few hundred
 * registrations a day each upload one to three scans, so this is far above a real day's need while
 * capping what scripts spread over many addresses could store.
 */
export const REGISTRATION_UPLOAD_QUOTA: UploadQuota = { filesPerDay: 3000, bytesPerDay: 3 * 1024 * 1024 * 1024, looseFiles: 2000 };

function problemWith(file: FileRow | undefined, ref: FileRef): string | null {
  // someone else's upload and an unknown id read the same: uploads are not to be probed
  if (!file || file.ownerId !== REGISTRATION_UPLOAD_OWNER || file.recordId !== null) return '文件不存在或已过期，请重新上传';
  const kind = acceptKindOf(file.contentType);
  if (ref.accept && (!kind || !ref.accept.includes(kind))) return ref.accept.includes('pdf') ? '只能上传图片或 PDF 文件' : '只能上传图片';
  return null;
}

/**
 * The file ids the registration's form data holds, checked to be loose registration uploads of an
 * accepted kind; a 422 naming each field (as `data.<key>`) otherwise.
 */
export async function checkRegistrationFiles(db: Db, definition: FormDefinition, data: Record<string, unknown>): Promise<string[]> {
  const refs = fileRefsOf(definition, data);
  if (refs.length === 0) return [];
  const rows = new Map((await findFiles(db, allFileIds(refs))).map((f) => [f.id, f]));
  const fields: FieldIssue[] = [];
  for (const ref of refs) {
    const message = ref.ids.map((id) => problemWith(rows.get(id), ref)).find((m) => m !== null);
    if (message) fields.push({ path: `data.${ref.path}`, code: 'file', message });
  }
  if (fields.length) throw invalid('上传的文件无效，请检查标红的字段', fields, 'validation');
  return allFileIds(refs);
}

/** The writes that attach the uploads to the registration record, in its batch (all or nothing). */
export function attachRegistrationFiles(db: Db, recordId: string, fileIds: readonly string[]): Write[] {
  return chunks([...new Set(fileIds)]).flatMap((ids) => [
    attachStatement(db, ids, recordId, REGISTRATION_UPLOAD_OWNER),
    abortUnlessAllAttached(ids, recordId),
  ]);
}

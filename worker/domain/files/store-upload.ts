/**
 * Stores one upload: the bytes in R2 under a key the server makes, then the `files` row. The
 * client's file name plays no part — not in the key, not in the type, not in the row. The owner's
 * quota is checked before anything is stored, and again by the row's insert, which aborts if a
 * racing upload took the room in between.
 */
import { runBatch } from '../../db/batch';
import type { Db } from '../../db/client';
import { insertFileWithinQuota, uploadUsage } from '../../db/files';
import { isAbortedByGuard } from '../../db/records';
import { AppError } from '../../http/errors';
import { newId, sha256Hex } from '../../lib/encoding';
import { checkUpload } from './check-upload';
import { DEFAULT_UPLOAD_QUOTA, quotaRefusal, quotaWindowStart, type UploadQuota } from './upload-quota';
import type { UploadContentType } from './sniff-content-type';

export interface StoredFile {
  id: string;
  contentType: UploadContentType;
  size: number;
  sha256: string;
}

export interface StoreUploadInput {
  bytes: Uint8Array;
  ownerId: string;
  limit: number;
  quota?: UploadQuota;
  now?: Date;
}

/** `uploads/<yyyy>/<mm>/<id>`: the month spreads keys out and makes the bucket browsable by age. */
export function objectKeyFor(id: string, now: Date): string {
  const yyyy = now.getUTCFullYear();
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `uploads/${yyyy}/${mm}/${id}`;
}

export async function storeUpload(db: Db, r2: R2Bucket, input: StoreUploadInput): Promise<StoredFile> {
  const contentType = checkUpload(input.bytes, input.limit);
  const now = input.now ?? new Date();
  const size = input.bytes.length;
  const quota = input.quota ?? DEFAULT_UPLOAD_QUOTA;
  const since = quotaWindowStart(now);
  const refusal = quotaRefusal(await uploadUsage(db, input.ownerId, since), quota, size);
  if (refusal) throw refusal;

  const id = newId(now.getTime());
  const objectKey = objectKeyFor(id, now);
  const sha256 = await sha256Hex(input.bytes);
  const ceiling = { filesSince: quota.filesPerDay, bytesSince: quota.bytesPerDay, loose: quota.looseFiles };

  // R2 verifies the digest on write, so a truncated body cannot be stored under this row
  await r2.put(objectKey, input.bytes, { httpMetadata: { contentType }, sha256 });
  try {
    await runBatch(
      db,
      insertFileWithinQuota(
        db,
        { id, objectKey, contentType, size, sha256, ownerId: input.ownerId, recordId: null, createdAt: now.toISOString() },
        since,
        ceiling,
      ),
    );
  } catch (err) {
    // without its row nobody could ever read or sweep the object: remove it before failing
    await r2.delete(objectKey).catch((e: unknown) => {
      console.error('upload cleanup failed', objectKey, e);
    });
    if (isAbortedByGuard(err)) {
      // another upload of the same account took the room between the check and the insert
      throw (
        quotaRefusal(await uploadUsage(db, input.ownerId, since), quota, size) ??
        new AppError(429, 'upload_quota', '上传过于频繁，请稍后再试')
      );
    }
    throw err;
  }
  return { id, contentType, size, sha256 };
}

/**
 * Stores one upload: the bytes in R2 under a key the server makes, then the `files` row. The
 * client's file name plays no part — not in the key, not in the type, not in the row.
 */
import type { Db } from '../../db/client';
import { insertFile } from '../../db/files';
import { newId, sha256Hex } from '../../lib/encoding';
import { checkUpload } from './check-upload';
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
  const id = newId(now.getTime());
  const objectKey = objectKeyFor(id, now);
  const sha256 = await sha256Hex(input.bytes);
  const size = input.bytes.length;

  // R2 verifies the digest on write, so a truncated body cannot be stored under this row
  await r2.put(objectKey, input.bytes, { httpMetadata: { contentType }, sha256 });
  try {
    await insertFile(db, { id, objectKey, contentType, size, sha256, ownerId: input.ownerId, recordId: null, createdAt: now.toISOString() });
  } catch (err) {
    // without its row nobody could ever read or sweep the object: remove it before failing
    await r2.delete(objectKey).catch((e) => console.error('upload cleanup failed', objectKey, e));
    throw err;
  }
  return { id, contentType, size, sha256 };
}

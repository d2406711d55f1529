/** The upload size limit, from the MAX_UPLOAD_BYTES variable (default 10 MiB). */

export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/**
 * Room for the multipart framing around the file (boundaries, part headers, a long file name):
 * the Content-Length pre-check must not refuse a file that is itself within the limit.
 */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export function maxUploadBytes(env: Pick<Env, 'MAX_UPLOAD_BYTES'>): number {
  const n = Number(env.MAX_UPLOAD_BYTES);
  return Number.isSafeInteger(n) && n > 0 ? n : DEFAULT_MAX_UPLOAD_BYTES;
}

/** "10 MB", "2.5 MB", "512 KB" — for the Chinese error message. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / (1024 * 1024)).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}

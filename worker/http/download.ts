/**
 * The headers of a file the browser saves (RFC 6266 / 5987): the Chinese name for every current
 * browser, an ASCII name for old clients, and the content type of the tables we export.
 */

export const CONTENT_TYPE = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type DownloadFormat = keyof typeof CONTENT_TYPE;

/** `Content-Disposition: attachment` naming the file `name` (any script), with `ascii` for old clients. */
export function attachment(name: string, ascii?: string): string {
  const fallback = ascii ? `filename="${ascii.replace(/[^\x20-\x7e]|["\\]/g, '_')}"; ` : '';
  return `attachment; ${fallback}filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** Content type and disposition of a download named `<name>.<format>` (`<ascii>.<format>` for old clients). */
export function downloadHeaders(format: DownloadFormat, name: string, ascii?: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPE[format],
    'Content-Disposition': attachment(`${name}.${format}`, ascii === undefined ? undefined : `${ascii}.${format}`),
  };
}

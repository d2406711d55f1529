/**
 * A cheap guard against polyglots: files whose magic bytes say "image" or "PDF" but which also
 * carry markup a browser might run if it ever sniffed the file as HTML (we send nosniff, but a
 * misconfigured proxy or an old viewer might not honour it). Real images and PDFs have no reason
 * to hold these tags in their first kilobyte.
 */

const SCAN_BYTES = 1024;

const MARKUP = ['<script', '<html', '<!doctype html', '<body', '<iframe', '<svg', '<object', '<embed'];

export function containsMarkup(bytes: Uint8Array): boolean {
  // latin1 keeps one character per byte, so binary data cannot hide a tag behind a bad UTF-8 sequence
  let head = '';
  for (const b of bytes.subarray(0, SCAN_BYTES)) head += String.fromCharCode(b);
  head = head.toLowerCase();
  return MARKUP.some((tag) => head.includes(tag));
}

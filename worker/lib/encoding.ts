/** Byte helpers shared by password hashing, session tokens, ids and digests. */

export function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(bin, (ch) => ch.charCodeAt(0));
}

const HEX_BYTE = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

// Called for every id and digest (a roster import makes six per row): a table lookup, not an
// array and a formatted string per byte.
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX_BYTE[b] ?? '';
  return out;
}

export function randomBytes(n: number): Uint8Array<ArrayBuffer> {
  return crypto.getRandomValues(new Uint8Array(n));
}

export async function sha256Hex(data: string | Uint8Array): Promise<string> {
  // Our byte arrays never sit on a SharedArrayBuffer; the cast only satisfies the DOM typings.
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : (data as Uint8Array<ArrayBuffer>);
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes)));
}

/**
 * Time-ordered ids (48-bit milliseconds + 80 random bits, hex): newest-first keyset pagination
 * can order by id alone.
 */
export function newId(now = Date.now()): string {
  return now.toString(16).padStart(12, '0') + toHex(randomBytes(10));
}

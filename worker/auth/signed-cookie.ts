/**
 * Reads a cookie signed by hono's `setSignedCookie` (`value.base64(HMAC-SHA256(value))`), with the
 * HMAC key imported once per secret and isolate. hono's own `getSignedCookie` imports the key on
 * every call, and every signed-in request reads this cookie.
 */
import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';

const HMAC = { name: 'HMAC', hash: 'SHA-256' } as const;
const keys = new Map<string, Promise<CryptoKey>>();

function keyOf(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret);
  if (!key) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), HMAC, false, ['verify']);
    keys.set(secret, key);
  }
  return key;
}

/** The cookie's value if its signature holds; undefined if it is absent, malformed or forged. */
export async function readSignedCookie(c: Context, name: string, secret: string): Promise<string | undefined> {
  const signed = getCookie(c, name);
  if (!signed) return undefined;
  const dot = signed.lastIndexOf('.');
  const value = signed.slice(0, dot);
  const signature = signed.slice(dot + 1);
  // a SHA-256 HMAC in padded base64 is 44 characters ending in '='
  if (dot < 0 || signature.length !== 44 || !signature.endsWith('=')) return undefined;
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    bytes = Uint8Array.from(atob(signature), (ch) => ch.charCodeAt(0));
  } catch {
    return undefined;
  }
  return (await crypto.subtle.verify(HMAC, await keyOf(secret), bytes, new TextEncoder().encode(value))) ? value : undefined;
}

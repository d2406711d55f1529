/**
 * Keyed hashes (HMAC-SHA256) for what must be matched or counted but never read back: lookup
 * identifiers in the audit, client addresses, 签约码. Each purpose gets its own key, derived from
 * the deployment's secret and a label, so a hash of one kind never equals a hash of another and a
 * copy of the database alone cannot test guesses offline.
 */
import { toHex } from '../../lib/encoding';

export type HashPurpose = 'lookup-identifier' | 'lookup-ip' | 'signing-code';

const encoder = new TextEncoder();
const keys = new Map<string, Promise<CryptoKey>>();

async function hmacKey(raw: Uint8Array): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

async function derive(secret: string, purpose: HashPurpose): Promise<CryptoKey> {
  const root = await hmacKey(encoder.encode(secret));
  const derived = new Uint8Array(await crypto.subtle.sign('HMAC', root, encoder.encode(`wangqian/${purpose}/v1`)));
  return hmacKey(derived);
}

function keyFor(secret: string, purpose: HashPurpose): Promise<CryptoKey> {
  const id = `${purpose}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = derive(secret, purpose);
    keys.set(id, key);
  }
  return key;
}

/** Hex HMAC-SHA256 of `value` under the purpose's key. */
export async function keyedHash(secret: string, purpose: HashPurpose, value: string): Promise<string> {
  const key = await keyFor(secret, purpose);
  return toHex(new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(value))));
}

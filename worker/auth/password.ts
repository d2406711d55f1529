/**
 * PBKDF2-SHA256 password hashes: `pbkdf2$<iterations>$<salt>$<hash>` (base64url).
 * 100,000 iterations is the most Workers allow in production; the count is stored per hash so it
 * can change later without breaking old ones. Runs unchanged in Node (seed script) and workerd.
 */
import { fromBase64Url, randomBytes, sha256Hex, toBase64Url } from '../lib/encoding';

export const PBKDF2_ITERATIONS = 100_000;

async function derive(password: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, 256);
  return new Uint8Array(bits);
}

export async function hashPassword(password: string, iterations = PBKDF2_ITERATIONS): Promise<string> {
  const salt = randomBytes(16);
  const hash = await derive(password, salt, iterations);
  return `pbkdf2$${iterations}$${toBase64Url(salt)}$${toBase64Url(hash)}`;
}

/**
 * Initial passwords made by the import are random (≥ 50 bits) and must be changed at first login,
 * so one salted SHA-256 protects them as well as key stretching would — and lets a 10,000-student
 * import finish in one request instead of spending 10,000 × PBKDF2.
 */
export async function hashInitialPassword(password: string): Promise<string> {
  const salt = toBase64Url(randomBytes(16));
  return `sha256$${salt}$${await sha256Hex(salt + password)}`;
}

const INITIAL_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** 11 characters of 31 symbols ≈ 54 bits, without look-alikes (0/o, 1/l/i). */
export function randomInitialPassword(): string {
  return Array.from(randomBytes(11), (b) => INITIAL_ALPHABET[b % INITIAL_ALPHABET.length]).join('');
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Stands in for the hash when there is no account by that name: a salt of its own and a digest no
 * password produces, with today's iteration count, so checking it costs exactly what checking a
 * real password costs and the answer's timing does not tell which usernames exist.
 */
const NO_ACCOUNT_SALT = fromBase64Url('bm8tYWNjb3VudC1zYWx0IQ');
const NO_ACCOUNT_DIGEST = new Uint8Array(32);

/** Spends one full PBKDF2 (the cost of a real check) and returns false. */
async function spendOneCheck(password: string): Promise<false> {
  equalBytes(await derive(password, NO_ACCOUNT_SALT, PBKDF2_ITERATIONS), NO_ACCOUNT_DIGEST);
  return false;
}

/**
 * Checks a password against a stored hash, or against none (`null`: no such account) in the same
 * time. Every call costs one PBKDF2 at today's iteration count: the import's initial passwords
 * (one SHA-256) and malformed hashes pay it on top, so no kind of account answers faster.
 */
export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (stored === null) return spendOneCheck(password);
  if (stored.startsWith('sha256$')) {
    const [, salt = '', hash = ''] = stored.split('$');
    const ok = equalBytes(new TextEncoder().encode(await sha256Hex(salt + password)), new TextEncoder().encode(hash));
    await spendOneCheck(password);
    return ok;
  }
  const [scheme, iter, salt, hash] = stored.split('$');
  const iterations = Number(iter);
  if (
    scheme !== 'pbkdf2' ||
    salt === undefined ||
    hash === undefined ||
    !Number.isInteger(iterations) ||
    iterations < 1 ||
    iterations > PBKDF2_ITERATIONS
  )
    return spendOneCheck(password);
  return equalBytes(await derive(password, fromBase64Url(salt), iterations), fromBase64Url(hash));
}

// 至少 8 位，且同时包含字母和数字: the one rule the web app checks too
export { passwordProblem } from '../../contract/account-rules';

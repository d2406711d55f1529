/**
 * 签约码: 8 characters from an alphabet without look-alikes (no 0/O, 1/I), drawn with
 * crypto.getRandomValues — 32 symbols, so a byte modulo 32 is unbiased; 32^8 ≈ 1.1 × 10^12 codes.
 */
export const SIGNING_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
export const SIGNING_CODE_LENGTH = 8;
export const SIGNING_CODE_DAYS = 7;

export function newSigningCode(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(SIGNING_CODE_LENGTH));
  let code = '';
  for (const b of bytes) code += SIGNING_CODE_ALPHABET.charAt(b % SIGNING_CODE_ALPHABET.length);
  return code;
}

/** What an employer typed, as stored: upper case, without spaces or dashes; null when it cannot be a code. */
export function normaliseSigningCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== SIGNING_CODE_LENGTH) return null;
  for (const ch of code) if (!SIGNING_CODE_ALPHABET.includes(ch)) return null;
  return code;
}

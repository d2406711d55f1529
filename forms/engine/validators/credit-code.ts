/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (no I O S V Z),
 * positions 3–8 the registering authority's region code, the last a MOD 31 check character.
 */

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NP-RTUWXY]{2}\d{6}[0-9A-HJ-NP-RTUWXY]{10}$/;

export function normalizeCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * Check character for the first 17 characters, or null when one is outside the charset.
 * 31 − (Σ mod 31) is 31 when the sum is a multiple of 31; the standard maps that to '0'.
 */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length < 17) return null;
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) {
    const v = CHARSET.indexOf(first17.charAt(i));
    if (v < 0) return null;
    sum += v * weight;
  }
  const check = 31 - (sum % 31);
  return CHARSET.charAt(check === 31 ? 0 : check);
}

export function isValidCreditCode(value: unknown): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  const code = normalizeCreditCode(value);
  return SHAPE.test(code) && creditCodeCheckChar(code) === code[17];
}

/**
 * 居民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence (odd = male),
 * ISO 7064 MOD 11-2 check character.
 */
import { isValidYmd, todayInChina } from '../dates';

/** Province-level prefixes that appear in real numbers, including 港澳台居民居住证 (81/82/83). */
const PROVINCE_PREFIXES = new Set([
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
]);
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;

/** Trims and upper-cases the check character, so '…123x' is read as '…123X'. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The MOD 11-2 check character for the first 17 digits. */
export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (const [i, weight] of WEIGHTS.entries()) sum += Number(first17.charAt(i)) * weight;
  return CHECK_CHARS.charAt(sum % 11);
}

function birthParts(id: string): { y: number; m: number; d: number } {
  return { y: Number(id.slice(6, 10)), m: Number(id.slice(10, 12)), d: Number(id.slice(12, 14)) };
}

/**
 * True for a well-formed 18-character ID number with a real, past birth date (year ≥ 1900) and a
 * correct check character. `today` ('YYYY-MM-DD') is for tests.
 */
export function isValidIdNumber(value: unknown, today: string = todayInChina()): boolean {
  if (typeof value !== 'string' || value.length > 64) return false;
  const id = normalizeIdNumber(value);
  if (!SHAPE.test(id) || !PROVINCE_PREFIXES.has(id.slice(0, 2))) return false;
  const { y, m, d } = birthParts(id);
  if (y < 1900 || !isValidYmd(y, m, d)) return false;
  if (`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}` > today) return false;
  return idNumberCheckChar(id) === id[17];
}

/** Birth date 'YYYY-MM-DD' of a valid ID number, else null. */
export function idNumberBirthDate(value: unknown, today?: string): string | null {
  if (!isValidIdNumber(value, today)) return null;
  const id = normalizeIdNumber(value as string);
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/** Gender code of a valid ID number as in the `gender` code table: '1' 男, '2' 女; else null. */
export function idNumberGender(value: unknown, today?: string): '1' | '2' | null {
  if (!isValidIdNumber(value, today)) return null;
  return Number((value as string).trim()[16]) % 2 === 1 ? '1' : '2';
}

/**
 * Keeps only the last 4 characters: '**************123X'. The region and birth date stay hidden:
 * shown with the check character they let a guesser complete the number in a few hundred tries.
 * Input of 8 characters or fewer is fully masked.
 */
export function maskIdNumber(value: unknown): string {
  if (typeof value !== 'string') return '';
  const chars = Array.from(value.trim());
  if (chars.length <= 8) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

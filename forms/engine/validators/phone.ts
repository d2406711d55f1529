/**
 * Contact formats and the preset patterns admins can pick (types.ts `PRESET_PATTERNS`).
 * All regexes are fixed here; definitions only name them.
 */
import type { PresetPattern } from '../types';

const MOBILE = /^1[3-9]\d{9}$/;
/** Pragmatic, not RFC 5322: one @, no spaces, a dotted domain with a 2+ letter TLD. */
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/;
const LANDLINE = /^0\d{2,3}-\d{7,8}(?:-\d{1,6})?$/;
const POSTCODE = /^\d{6}$/;

/** Mainland mobile number: 11 digits starting 13–19. */
export function isMobile(value: unknown): value is string {
  return typeof value === 'string' && MOBILE.test(value);
}

export function isEmail(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

/** 区号-号码[-分机], e.g. 010-12345678, 0571-8888888-123. */
export function isLandline(value: unknown): value is string {
  return typeof value === 'string' && LANDLINE.test(value);
}

export function isPostcode(value: unknown): value is string {
  return typeof value === 'string' && POSTCODE.test(value);
}

/**
 * Keeps only the last 4 characters: '13812341234' → '*******1234'. The carrier prefix stays hidden
 * too: with it a guesser needs only the 10,000 middle digits.
 */
export function maskPhone(value: unknown): string {
  if (typeof value !== 'string') return '';
  const s = value.trim();
  const chars = Array.from(s);
  if (chars.length <= 4) return '*'.repeat(chars.length);
  return '*'.repeat(chars.length - 4) + chars.slice(-4).join('');
}

/** Han characters, latin letters, spaces and the middle dots used in 少数民族/外籍 names. */
const CHINESE_NAME = /^(?=.{2,30}$)[\p{Script=Han}A-Za-z](?:[\p{Script=Han}A-Za-z ·•・]*[\p{Script=Han}A-Za-z])?$/u;

export const PRESET_PATTERN_REGEXES: Readonly<Record<PresetPattern, RegExp>> = Object.freeze({
  chineseName: CHINESE_NAME,
  postcode: POSTCODE,
  landline: LANDLINE,
  digits: /^\d+$/,
  studentNo: /^[A-Za-z0-9]{4,20}$/,
  examNo: /^\d{14}$/,
  alnum: /^[A-Za-z0-9]+$/,
});

/** What to tell the user when a value does not match the preset. */
export const PRESET_PATTERN_MESSAGES: Readonly<Record<PresetPattern, string>> = Object.freeze({
  chineseName: '请输入 2–30 个字的姓名（汉字、字母，少数民族姓名可用间隔号 ·）',
  postcode: '邮政编码应为 6 位数字',
  landline: '固定电话格式应为 区号-号码，如 010-12345678',
  digits: '只能填写数字',
  studentNo: '学号应为 4–20 位字母或数字',
  examNo: '考生号应为 14 位数字',
  alnum: '只能填写字母或数字',
});

export function matchesPreset(pattern: PresetPattern, value: string): boolean {
  const re = Object.hasOwn(PRESET_PATTERN_REGEXES, pattern) ? PRESET_PATTERN_REGEXES[pattern] : null;
  return re !== null && re.test(value);
}

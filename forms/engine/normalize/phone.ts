/**
 * A mobile number as people write it: spaces, dashes, dots or brackets between the digits, a
 * country code (+86, 0086, 86) in front, full-width digits. Returns the bare 11 digits when that is
 * what remains, else the text as it was (the phone check then refuses it).
 */
import { toHalfWidth } from './width';

export function normalizePhone(value: unknown): unknown {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : value;
  if (typeof text !== 'string') return value;
  if (/^1\d{10}$/.test(text)) return text;
  const bare = toHalfWidth(text)
    .replace(/[\s\-.()]/g, '')
    .replace(/^['‘’`]/, '');
  const m = /^(?:\+?86|0086)?(1\d{10})$/.exec(bare);
  return m ? m[1] : text.trim();
}

/**
 * An ID number as people type it: full-width digits, a small x, spaces inside or around it, the
 * apostrophe typed in Excel to keep it as text ('320102…).
 * Upper-case, half-width, no spaces; whether it is valid is the ID-number check's business.
 */
import { toHalfWidth } from './width';

export function normalizeIdText(value: unknown): unknown {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  if (typeof value !== 'string') return value;
  if (/^\d{17}[\dX]$/.test(value)) return value;
  return toHalfWidth(value)
    .replace(/\s+/g, '')
    .replace(/^['‘’`]/, '')
    .toUpperCase();
}

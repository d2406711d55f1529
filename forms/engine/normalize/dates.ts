/**
 * Dates as people type them, read as 'YYYY-MM-DD': 2005-03-14, 2005/3/14, 2005.03.14, 20050314,
 * 2005年3月14日, full-width digits, and a trailing time of day (a spreadsheet's 2005/3/14 0:00).
 * Anything else is returned unchanged for the date check to refuse.
 */
import { isCalendarDate, isValidYmd } from '../dates';
import { toHalfWidth } from './width';

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[T\s]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const PACKED = /^(\d{4})(\d{2})(\d{2})$/;

export function normalizeDate(value: unknown): unknown {
  if (typeof value !== 'string' || isCalendarDate(value)) return value;
  const text = toHalfWidth(value).trim();
  const m = SEPARATED.exec(text) ?? PACKED.exec(text);
  if (!m) return value;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (!isValidYmd(y, mo, d)) return value;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

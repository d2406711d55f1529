/**
 * Calendar dates as 'YYYY-MM-DD' strings. Dates are compared as strings everywhere, which is
 * why only this zero-padded form is accepted.
 */

const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** China has one time zone and no DST, so "today" for users is UTC+8. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** True for a real calendar date like '2024-02-29' (not '2023-02-29', not '2024-2-1'). */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = DATE_SHAPE.exec(value);
  if (!m) return false;
  return isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (year < 1 || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Today's date in China as 'YYYY-MM-DD'. */
export function todayInChina(now: number = Date.now()): string {
  return new Date(now + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** Dates as users in China mean them: calendar days in Beijing time (UTC+8, no DST). */
const BEIJING_OFFSET_MS = 8 * 3600_000;

export function beijingToday(now = Date.now()): string {
  return new Date(now + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(isoDate: string, days: number): string {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

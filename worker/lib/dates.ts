/** Dates as users in China mean them: calendar days in Beijing time (UTC+8, no DST). */

// "today" is the form engine's, the same day the web app and the engine's rules count from
export { todayInChina as beijingToday } from '../../forms/engine/dates';

export function addDays(isoDate: string, days: number): string {
  const d = new Date(isoDate + 'T00:00:00Z');
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

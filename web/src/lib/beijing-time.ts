/**
 * Every time the web shows is Beijing time (UTC+8; China keeps no daylight saving), whatever zone the
 * browser is set to: a reviewer abroad and the timeline's PDF agree. Instants come from the API as ISO
 * strings in UTC; the wall clock is read from the UTC fields of the instant moved by 8 hours, so the
 * browser's own zone never enters.
 */
import { CHINA_OFFSET_MS as OFFSET_MS } from '../../../forms/engine/dates';

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The Beijing wall clock of an instant, or null for something that is not a time. */
export function beijingWallClock(instant: string | number | Date): WallClock | null {
  const ms = typeof instant === 'string' ? Date.parse(instant) : typeof instant === 'number' ? instant : instant.getTime();
  return Number.isNaN(ms) ? null : beijingWallClockAt(ms);
}

/** The Beijing wall clock at `ms` since the epoch. */
export function beijingWallClockAt(ms: number): WallClock {
  const d = new Date(ms + OFFSET_MS);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes() };
}

/** '2026-12-07T08:05:00Z' → '2026-12-07 16:05'; empty for no time, the text itself if it is not a time. */
export function formatBeijingDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const c = beijingWallClock(iso);
  if (!c) return iso;
  return `${c.year}-${pad(c.month)}-${pad(c.day)} ${pad(c.hour)}:${pad(c.minute)}`;
}

/** '2026-12-06T16:30:00Z' → '2026-12-07' (the Beijing date). */
export function formatBeijingDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const c = beijingWallClock(iso);
  if (!c) return iso;
  return `${c.year}-${pad(c.month)}-${pad(c.day)}`;
}

/** '20270601-0930' for file names, the Beijing time of `at` (now by default). */
export function beijingFileStamp(at: Date = new Date()): string {
  const c = beijingWallClockAt(at.getTime());
  return `${c.year}${pad(c.month)}${pad(c.day)}-${pad(c.hour)}${pad(c.minute)}`;
}

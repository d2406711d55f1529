// The browser's zone is set far from Beijing before anything reads it: the formatter must not care.
process.env.TZ = 'America/New_York';

import { describe, expect, it } from 'vitest';
import { beijingFileStamp, beijingWallClock, formatBeijingDate, formatBeijingDateTime } from './beijing-time';

describe('times are shown in Beijing time whatever the browser zone', () => {
  it('runs in a zone other than Beijing (the premise of the other tests)', () => {
    expect(new Date('2026-12-07T16:05:00Z').getTimezoneOffset()).toBe(300);
  });

  it('shows a UTC instant as the Beijing wall clock', () => {
    expect(formatBeijingDateTime('2026-12-07T08:05:00.000Z')).toBe('2026-12-07 16:05');
  });

  it('moves an instant just before UTC midnight to the next Beijing day, which New York would not', () => {
    expect(formatBeijingDateTime('2026-12-07T16:05:00Z')).toBe('2026-12-08 00:05');
    expect(formatBeijingDate('2026-12-07T16:05:00Z')).toBe('2026-12-08');
    // what the old local-time formatter would have shown here
    expect(new Date('2026-12-07T16:05:00Z').getDate()).toBe(7);
  });

  it("agrees with the platform's own Asia/Shanghai rendering", () => {
    const iso = '2027-06-30T15:59:00Z';
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Asia/Shanghai',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      })
        .formatToParts(new Date(iso))
        .map((p) => [p.type, p.value]),
    );
    expect(formatBeijingDateTime(iso)).toBe(`${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`);
  });

  it('keeps empty and unreadable values readable', () => {
    expect(formatBeijingDateTime(null)).toBe('');
    expect(formatBeijingDateTime(undefined)).toBe('');
    expect(formatBeijingDateTime('not a time')).toBe('not a time');
    expect(beijingWallClock('nope')).toBeNull();
  });

  it('stamps file names with the Beijing time', () => {
    expect(beijingFileStamp(new Date('2027-05-31T17:30:00Z'))).toBe('20270601-0130');
  });
});

import { describe, expect, it } from 'vitest';
import { atMost, formatTable, median, p99VsFloor, summary, throughputOnVsOff, throughputVsFloor } from './figures';

const floor = { rps: 150, p50: 6, p99: 20 };

describe('bench figures: ratios against the floor of the same run', () => {
  it('a throughput figure is met at half the floor and missed just below', () => {
    expect(throughputVsFloor('approve', 75, floor, 0.5)).toMatchObject({ value: 0.5, met: true, target: '≥ 0.5× (≥ 75 req/s)' });
    expect(throughputVsFloor('approve', 74.9, floor, 0.5).met).toBe(false);
  });

  it('notifications on keep at least 0.95× the throughput with them off, measured in the same run', () => {
    expect(throughputOnVsOff('approve, notifications on vs off', 95, 100, 0.95)).toMatchObject({
      value: 0.95,
      unit: '× off req/s',
      met: true,
      target: '≥ 0.95× (≥ 95 req/s)',
      detail: 'on 95 req/s vs off 100 req/s',
    });
    // three digits, so a miss never prints as the target itself
    expect(throughputOnVsOff('approve, notifications on vs off', 94.94, 100, 0.95)).toMatchObject({ value: 0.949, met: false });
  });

  it('a p99 figure is met up to 1.5× the floor p99', () => {
    expect(p99VsFloor('lookup', 30, floor, 1.5)).toMatchObject({ value: 1.5, met: true });
    expect(p99VsFloor('lookup', 31, floor, 1.5)).toMatchObject({ value: 1.55, met: false });
  });

  it('median, limits, the table and the summary', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    const figures = [atMost('pdf median', 120, 'ms', 100), atMost('pdf size', 90, 'KB', 150)];
    expect(summary(figures)).toEqual({ met: 1, missed: ['pdf median'] });
    const table = formatTable(figures).split('\n');
    expect(table[2]).toMatch(/^✗ +pdf median +120 ms +≤ 100 ms/);
    expect(table[3]).toMatch(/^✓ +pdf size/);
  });
});

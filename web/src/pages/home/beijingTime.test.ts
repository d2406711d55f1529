import { describe, expect, it } from 'vitest';
import { formatBeijingTime, groupSigningCode } from './beijingTime';

describe('Beijing time on the student home', () => {
  it('shows a UTC timestamp as the Beijing wall clock, across midnight', () => {
    expect(formatBeijingTime('2026-12-07T02:40:05.123Z')).toBe('2026-12-07 10:40');
    expect(formatBeijingTime('2026-12-06T16:30:00.000Z')).toBe('2026-12-07 00:30');
    expect(formatBeijingTime('not a time')).toBe('not a time');
  });

  it('groups a signing code in two fours', () => {
    expect(groupSigningCode('7K3MQ9XA')).toBe('7K3M-Q9XA');
  });
});

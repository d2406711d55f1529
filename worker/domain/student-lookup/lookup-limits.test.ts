import { describe, expect, it } from 'vitest';
import {
  beijingDayStart,
  dailyQuota,
  LookupLimiter,
  lookupQuotaKey,
  secondsToBeijingMidnight,
  TooManyLookups,
  type UnitCounter,
} from './lookup-limits';

/** A counter with a budget per key, recording what was taken. */
function budget(limit: number): UnitCounter & { taken: Map<string, number> } {
  const taken = new Map<string, number>();
  return {
    taken,
    take(key) {
      const n = taken.get(key) ?? 0;
      if (n >= limit) return Promise.resolve(false);
      taken.set(key, n + 1);
      return Promise.resolve(true);
    },
  };
}

describe('lookup limits', () => {
  it('a lookup takes a unit from the account and the address; a miss takes 3 in all', async () => {
    const account = budget(100);
    const ip = budget(100);
    const limiter = new LookupLimiter({ account, ip });
    await limiter.admit({ accountId: 'a', ip: '1.2.3.4' });
    expect([account.taken.get('account:a'), ip.taken.get('ip:1.2.3.4')]).toEqual([1, 1]);
    await limiter.chargeMiss({ accountId: 'a', ip: '1.2.3.4' });
    expect([account.taken.get('account:a'), ip.taken.get('ip:1.2.3.4')]).toEqual([3, 3]);
    await limiter.admit({ accountId: 'a', ip: null });
    expect([account.taken.get('account:a'), ip.taken.size]).toEqual([4, 1]);
  });

  it('refuses with 429 and a minute to wait once either budget is spent', async () => {
    const limiter = new LookupLimiter({ account: budget(100), ip: budget(1) });
    await limiter.admit({ accountId: 'a', ip: '1.2.3.4' });
    const refused = await limiter.admit({ accountId: 'b', ip: '1.2.3.4' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TooManyLookups);
    expect(refused).toMatchObject({ status: 429, retryAfter: 60, code: 'too_many_lookups' });
  });

  it('counts days and the wait to midnight in Beijing time', () => {
    const evening = new Date('2026-12-07T15:59:30Z'); // 23:59:30 in Beijing
    expect(beijingDayStart(evening)).toBe('2026-12-06T16:00:00.000Z');
    expect(secondsToBeijingMidnight(evening)).toBe(30);
    expect(lookupQuotaKey('emp-1', evening)).toBe('lookup-units:emp-1:2026-12-07');
    expect(lookupQuotaKey('emp-1', new Date('2026-12-07T16:00:00Z'))).toBe('lookup-units:emp-1:2026-12-08');
  });

  it('reads the daily quota from its variable, 200 when unset or nonsense', () => {
    expect(dailyQuota('50')).toBe(50);
    expect([dailyQuota(undefined), dailyQuota(''), dailyQuota('-3'), dailyQuota('1.5'), dailyQuota('abc')]).toEqual([
      200, 200, 200, 200, 200,
    ]);
  });
});

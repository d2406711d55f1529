/**
 * The sign-in throttle's policy, with counters that behave exactly like a fixed window: an
 * account or address that fails too often is locked for a minute, even against the right password.
 */
import { describe, expect, it } from 'vitest';
import { LoginThrottle, TooManyAttempts, type FailureCounter, type LockStore } from './login-throttle';

function counter(limit: number): FailureCounter {
  const seen = new Map<string, number>();
  return {
    hit(key) {
      const n = seen.get(key) ?? 0;
      if (n >= limit) return Promise.resolve(false);
      seen.set(key, n + 1);
      return Promise.resolve(true);
    },
  };
}

function memoryLocks(): LockStore & { all: Map<string, string> } {
  const all = new Map<string, string>();
  return {
    all,
    lockedUntil(keys, now) {
      const live = keys
        .map((k) => all.get(k))
        .filter((u): u is string => !!u && u > now)
        .sort();
      return Promise.resolve(live.at(-1) ?? null);
    },
    lock(keys, until) {
      for (const k of keys) all.set(k, until);
      return Promise.resolve();
    },
  };
}

const t0 = new Date('2027-05-20T02:00:00.000Z');
const later = (s: number) => new Date(t0.getTime() + s * 1000);

async function failTimes(throttle: LoginThrottle, n: number, keys: { username: string; ip: string | null }) {
  for (let i = 0; i < n; i++) await throttle.recordFailure(keys, t0);
}

describe('sign-in throttling policy', () => {
  it('five wrong passwords are answered normally; the sixth locks the account for a minute', async () => {
    const locks = memoryLocks();
    const throttle = new LoginThrottle({ account: counter(5), ip: counter(20) }, locks);
    const keys = { username: 'Zhang3', ip: null };
    await failTimes(throttle, 5, keys);
    await expect(throttle.assertOpen(keys, t0)).resolves.toBeUndefined();

    const sixth = await throttle.recordFailure(keys, t0).catch((e: unknown) => e);
    expect(sixth).toBeInstanceOf(TooManyAttempts);
    expect(sixth).toMatchObject({ status: 429, code: 'too_many_attempts', retryAfter: 60 });
    expect((sixth as TooManyAttempts).message).toBe('登录失败次数过多，请 1 分钟后再试');

    // Locked: the next attempt is refused before any password is looked at, with the time left.
    await expect(throttle.assertOpen({ username: 'zhang3', ip: null }, later(45))).rejects.toMatchObject({ status: 429, retryAfter: 15 });
    await expect(throttle.assertOpen(keys, later(61))).resolves.toBeUndefined();
  });

  it('locking one account leaves the others alone', async () => {
    const throttle = new LoginThrottle({ account: counter(5), ip: counter(20) }, memoryLocks());
    await failTimes(throttle, 5, { username: 'victim', ip: null });
    await expect(throttle.recordFailure({ username: 'victim', ip: null }, t0)).rejects.toBeInstanceOf(TooManyAttempts);
    await expect(throttle.assertOpen({ username: 'someone-else', ip: null }, t0)).resolves.toBeUndefined();
  });

  it('one address guessing across many accounts is locked out for every account', async () => {
    const locks = memoryLocks();
    const throttle = new LoginThrottle({ account: counter(5), ip: counter(20) }, locks);
    for (let i = 0; i < 20; i++) await throttle.recordFailure({ username: `user${i}`, ip: '203.0.113.9' }, t0);
    await expect(throttle.recordFailure({ username: 'user20', ip: '203.0.113.9' }, t0)).rejects.toMatchObject({ status: 429 });
    expect([...locks.all.keys()]).toEqual(['ip:203.0.113.9']);
    await expect(throttle.assertOpen({ username: 'fresh', ip: '203.0.113.9' }, later(10))).rejects.toMatchObject({ status: 429 });
    await expect(throttle.assertOpen({ username: 'fresh', ip: '198.51.100.7' }, later(10))).resolves.toBeUndefined();
  });
});

/**
 * Sign-in throttling per account and per client address. Only failed attempts count, so people
 * who sign in correctly many times (a shared office, a test run) are never slowed down. When a
 * counter says a key failed too often, the key is locked for a period: during the lock even the
 * right password is refused, otherwise throttling would still let a guesser find it.
 *
 * The current-password check of a password change counts on the same keys: a stolen session must
 * not become a faster way to guess the account's password than the sign-in form.
 */
import { AppError } from '../http/errors';

/** Counts one failure for a key; false when the key is over its limit. */
export interface FailureCounter {
  hit(key: string): Promise<boolean>;
}

export interface LockStore {
  lockedUntil(keys: string[], nowIso: string): Promise<string | null>;
  lock(keys: string[], untilIso: string): Promise<void>;
}

export interface AttemptKeys {
  username: string;
  /** the client's address; null when unknown (then only the account is counted) */
  ip: string | null;
}

export const LOCK_SECONDS = 60;

/** 429 with the seconds until the lock ends, for the Retry-After header. */
export class TooManyAttempts extends AppError {
  constructor(
    readonly retryAfter: number,
    what = '登录',
  ) {
    super(429, 'too_many_attempts', `${what}失败次数过多，请 ${Math.max(1, Math.ceil(retryAfter / 60))} 分钟后再试`);
  }
}

export class LoginThrottle {
  constructor(
    private readonly counters: { account: FailureCounter; ip: FailureCounter },
    private readonly locks: LockStore,
    private readonly lockSeconds = LOCK_SECONDS,
    /** what failed, for the 429's message: 登录, or 密码验证 for a password change */
    private readonly what = '登录',
  ) {}

  private lockKeys(k: AttemptKeys): string[] {
    return [`account:${k.username.toLowerCase()}`, ...(k.ip ? [`ip:${k.ip}`] : [])];
  }

  /** Throws 429 while the account or the address is locked. */
  async assertOpen(k: AttemptKeys, now = new Date()): Promise<void> {
    const until = await this.locks.lockedUntil(this.lockKeys(k), now.toISOString());
    if (until) throw new TooManyAttempts(Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)), this.what);
  }

  /** Counts a failed attempt; locks and throws 429 when the account or the address went over its limit. */
  async recordFailure(k: AttemptKeys, now = new Date()): Promise<void> {
    const account = `account:${k.username.toLowerCase()}`;
    const over: string[] = [];
    if (!(await this.counters.account.hit(account))) over.push(account);
    if (k.ip && !(await this.counters.ip.hit(`ip:${k.ip}`))) over.push(`ip:${k.ip}`);
    if (over.length === 0) return;
    await this.locks.lock(over, new Date(now.getTime() + this.lockSeconds * 1000).toISOString());
    throw new TooManyAttempts(this.lockSeconds, this.what);
  }
}

/** A Workers rate-limiting binding as a failure counter. */
export function rateLimitCounter(binding: RateLimit): FailureCounter {
  return { hit: async (key) => (await binding.limit({ key })).success };
}

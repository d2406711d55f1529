/**
 * How often an employer may look students up. Per minute, per employer account and per client
 * address, by the rate-limiting bindings; per day (Beijing time), per employer, by a quota counted
 * in D1 (`counters`, one row per employer and day, moved in the batch that writes the audit). Misses cost more than hits: finding a real person costs 1 unit,
 * a guess that matched nobody 3, so completing a masked identifier by trial runs dry quickly.
 */
import { CHINA_OFFSET_MS as BEIJING_OFFSET_MS, todayInChina } from '../../../forms/engine/dates';
import { AppError } from '../../http/errors';

export const HIT_COST = 1;
export const MISS_COST = 3;
export const LIMIT_PERIOD_SECONDS = 60;

/** Takes units from a per-minute budget; false when the key has none left. */
export interface UnitCounter {
  take(key: string): Promise<boolean>;
}

export interface LookupKeys {
  accountId: string;
  /** the client's address; null when unknown (then only the account is counted) */
  ip: string | null;
}

/** 429 with the seconds to wait, for the Retry-After header. */
export class TooManyLookups extends AppError {
  constructor(
    readonly retryAfter: number,
    code: 'too_many_lookups' | 'lookup_quota_exceeded',
    message: string,
  ) {
    super(429, code, message);
  }
}

export const tooFrequent = () => new TooManyLookups(LIMIT_PERIOD_SECONDS, 'too_many_lookups', '查询过于频繁，请 1 分钟后再试');

export const quotaUsedUp = (quota: number, now = new Date()) =>
  new TooManyLookups(
    secondsToBeijingMidnight(now),
    'lookup_quota_exceeded',
    `本单位今日的查询额度（${quota}，查无结果每次计 ${MISS_COST}）已用完，请明天（北京时间 0 点后）再试`,
  );

export class LookupLimiter {
  constructor(private readonly counters: { account: UnitCounter; ip: UnitCounter }) {}

  private async takeFromEach(k: LookupKeys): Promise<boolean> {
    const results = await Promise.all([
      this.counters.account.take(`account:${k.accountId}`),
      ...(k.ip ? [this.counters.ip.take(`ip:${k.ip}`)] : []),
    ]);
    return results.every(Boolean);
  }

  /** Takes a hit's unit from the account and the address; 429 when either has none left. */
  async admit(k: LookupKeys): Promise<void> {
    if (!(await this.takeFromEach(k))) throw tooFrequent();
  }

  /** A miss costs the rest of MISS_COST; running out here only slows the next lookup. */
  async chargeMiss(k: LookupKeys): Promise<void> {
    for (let i = HIT_COST; i < MISS_COST; i++) await this.takeFromEach(k);
  }
}

/** A Workers rate-limiting binding as a unit counter. */
export function rateLimitUnits(binding: RateLimit): UnitCounter {
  return { take: async (key) => (await binding.limit({ key })).success };
}

/** The daily quota from the LOOKUP_DAILY_QUOTA variable (200 when unset or not a positive number). */
export function dailyQuota(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : 200;
}

/** The start of the current Beijing day, as a UTC ISO timestamp. */
export function beijingDayStart(now = new Date()): string {
  const local = now.getTime() + BEIJING_OFFSET_MS;
  return new Date(local - (local % 86_400_000) - BEIJING_OFFSET_MS).toISOString();
}

/** The `counters` key of an employer's lookup units on the current Beijing day. */
export function lookupQuotaKey(employerId: string, now = new Date()): string {
  return `lookup-units:${employerId}:${todayInChina(now.getTime())}`;
}

export function secondsToBeijingMidnight(now = new Date()): number {
  const next = Date.parse(beijingDayStart(now)) + 86_400_000;
  return Math.max(1, Math.ceil((next - now.getTime()) / 1000));
}

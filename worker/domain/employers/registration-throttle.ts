/**
 * 用人单位注册 needs no account, so each client address may only register so often: every attempt
 * counts (a refused form as much as an accepted one), and an address past its limit
 * (REGISTER_IP_LIMITER, 10 a minute) is locked for ten minutes, so a script gets about ten
 * registrations per eleven minutes while a company filling in the form never notices. The lock
 * lives beside the sign-in locks (`login_locks`) under its own key.
 */
import type { FailureCounter, LockStore } from '../../auth/login-throttle';
import { AppError } from '../../http/errors';

export const REGISTRATION_LOCK_SECONDS = 600;

/** 429 with the seconds until the address may register again, for the Retry-After header. */
export class TooManyRegistrations extends AppError {
  constructor(readonly retryAfter: number) {
    super(429, 'too_many_registrations', `该网络地址提交注册过于频繁，请 ${Math.max(1, Math.ceil(retryAfter / 60))} 分钟后再试`);
  }
}

/** Counts this attempt; throws 429 while the address is locked or when it just went over its limit. */
export async function assertRegistrationAllowed(
  counter: FailureCounter,
  locks: LockStore,
  ip: string | null,
  now = new Date(),
): Promise<void> {
  // Cloudflare always sends the address; without one (local tools) there is nothing to key on
  if (!ip) return;
  const key = `register-ip:${ip}`;
  const until = await locks.lockedUntil([key], now.toISOString());
  if (until) throw new TooManyRegistrations(Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 1000)));
  if (await counter.hit(key)) return;
  await locks.lock([key], new Date(now.getTime() + REGISTRATION_LOCK_SECONDS * 1000).toISOString());
  throw new TooManyRegistrations(REGISTRATION_LOCK_SECONDS);
}

/**
 * Admits, charges and audits one employer lookup: the per-minute limits first (a hit's unit, then
 * the rest of a miss's), then the audit rows, written only within the employer's daily quota. The
 * identifier is audited as its keyed hash, never as itself.
 */
import type { Actor } from '../../auth/actor';
import type { Db } from '../../db/client';
import { recordLookupsWithinQuota, type LookupRow } from '../../db/student-lookups';
import { newId } from '../../lib/encoding';
import { forbidden } from '../../http/errors';
import { keyedHash } from './keyed-hash';
import { HIT_COST, lookupQuotaKey, LookupLimiter, MISS_COST, quotaUsedUp, rateLimitUnits, dailyQuota } from './lookup-limits';

/** What the employer looked up by, normalised as it was matched. */
export type LookupIdentifier =
  | { by: 'idNumber'; idNumber: string }
  | { by: 'phone'; phone: string }
  | { by: 'namePhone'; name: string; phone: string }
  | { by: 'code'; code: string };

export interface LookupAttempt {
  actor: Actor;
  ip: string | null;
  schoolId: string;
  cohort: number | null;
  identifier: LookupIdentifier;
  /** ids of the students found; empty on a miss */
  found: string[];
}

function identifierText(id: LookupIdentifier): string {
  switch (id.by) {
    case 'idNumber':
      return `idNumber:${id.idNumber}`;
    case 'phone':
      return `phone:${id.phone}`;
    case 'namePhone':
      return `namePhone:${id.name}\u0000${id.phone}`;
    case 'code':
      return `code:${id.code}`;
  }
}

/** Throws 429 (with `retryAfter`) when a limit or the daily quota is used up; then nothing is answered. */
export async function admitAndAuditLookup(env: Env, db: Db, attempt: LookupAttempt, now = new Date()): Promise<void> {
  const limiter = new LookupLimiter({ account: rateLimitUnits(env.LOOKUP_ACCOUNT_LIMITER), ip: rateLimitUnits(env.LOOKUP_IP_LIMITER) });
  const keys = { accountId: attempt.actor.accountId, ip: attempt.ip };
  await limiter.admit(keys);
  if (attempt.found.length === 0) await limiter.chargeMiss(keys);

  const [identifierHash, ipHash] = await Promise.all([
    keyedHash(env.SESSION_SECRET, 'lookup-identifier', identifierText(attempt.identifier)),
    attempt.ip ? keyedHash(env.SESSION_SECRET, 'lookup-ip', attempt.ip) : Promise.resolve(null),
  ]);
  const { employerId } = attempt.actor;
  if (!employerId) throw forbidden();
  const at = now.toISOString();
  const base = {
    at,
    employerId,
    accountId: attempt.actor.accountId,
    by: attempt.identifier.by,
    schoolId: attempt.schoolId,
    cohort: attempt.cohort,
    identifierHash,
    ipHash,
  };
  const rows: LookupRow[] =
    attempt.found.length === 0
      ? [{ ...base, id: newId(now.getTime()), hit: false, studentId: null }]
      : attempt.found.map((studentId) => ({ ...base, id: newId(now.getTime()), hit: true, studentId }));
  const quota = dailyQuota(env.LOOKUP_DAILY_QUOTA);
  const within = await recordLookupsWithinQuota(db, rows, {
    counterKey: lookupQuotaKey(base.employerId, now),
    limit: quota,
    hitCost: HIT_COST,
    missCost: MISS_COST,
  });
  if (!within) throw quotaUsedUp(quota, now);
}

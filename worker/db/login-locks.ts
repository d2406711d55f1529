/** Sign-in locks (see `loginLocks` in the schema). */
import { gt, inArray, and, max } from 'drizzle-orm';
import type { Db } from './client';
import { loginLocks } from './schema';

/** The latest expiry among the keys' live locks, or null when none is locked. */
export async function lockedUntil(db: Db, keys: string[], nowIso: string): Promise<string | null> {
  if (keys.length === 0) return null;
  const rows = await db
    .select({ until: max(loginLocks.until) })
    .from(loginLocks)
    .where(and(inArray(loginLocks.key, keys), gt(loginLocks.until, nowIso)));
  return rows[0]?.until ?? null;
}

export async function lockKeys(db: Db, keys: string[], until: string): Promise<void> {
  if (keys.length === 0) return;
  await db
    .insert(loginLocks)
    .values(keys.map((key) => ({ key, until })))
    .onConflictDoUpdate({ target: loginLocks.key, set: { until } });
}

/** E-mail and SMS turned off per category (a row means off); in-app messages are always written. */
import { eq } from 'drizzle-orm';
import { runBatch } from './batch';
import type { Db } from './client';
import { notificationOptOuts } from './schema';

export type Channel = 'email' | 'sms';

export async function optOutsOf(db: Db, accountId: string): Promise<{ category: string; channel: Channel }[]> {
  return db
    .select({ category: notificationOptOuts.category, channel: notificationOptOuts.channel })
    .from(notificationOptOuts)
    .where(eq(notificationOptOuts.accountId, accountId));
}

/** Replaces the account's opt-outs in one batch. */
export async function replaceOptOuts(db: Db, accountId: string, off: { category: string; channel: Channel }[]): Promise<void> {
  await runBatch(db, [
    db.delete(notificationOptOuts).where(eq(notificationOptOuts.accountId, accountId)),
    ...off.map((o) => db.insert(notificationOptOuts).values({ accountId, ...o })),
  ]);
}

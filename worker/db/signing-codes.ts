/** 签约码 (see `signingCodes` in the schema): only keyed hashes are stored. */
import { and, desc, eq, gt, isNull } from 'drizzle-orm';
import { runBatch } from './batch';
import type { Db } from './client';
import { signingCodes } from './schema';

export type SigningCodeRow = typeof signingCodes.$inferSelect;

const live = (nowIso: string) => and(isNull(signingCodes.revokedAt), gt(signingCodes.expiresAt, nowIso));

/** Revokes the student's live codes and stores the new one, in one batch: one live code at a time. */
export async function replaceSigningCode(db: Db, row: Omit<SigningCodeRow, 'revokedAt'>): Promise<void> {
  await runBatch(db, [
    db
      .update(signingCodes)
      .set({ revokedAt: row.createdAt })
      .where(and(eq(signingCodes.studentId, row.studentId), live(row.createdAt))),
    db.insert(signingCodes).values(row),
  ]);
}

export async function liveSigningCodes(db: Db, studentId: string, nowIso: string) {
  return db
    .select({ id: signingCodes.id, hint: signingCodes.hint, createdAt: signingCodes.createdAt, expiresAt: signingCodes.expiresAt })
    .from(signingCodes)
    .where(and(eq(signingCodes.studentId, studentId), live(nowIso)))
    .orderBy(desc(signingCodes.createdAt));
}

export async function findSigningCode(db: Db, id: string) {
  return db.query.signingCodes.findFirst({ where: eq(signingCodes.id, id) });
}

export async function revokeSigningCode(db: Db, id: string, nowIso: string): Promise<void> {
  await db
    .update(signingCodes)
    .set({ revokedAt: nowIso })
    .where(and(eq(signingCodes.id, id), isNull(signingCodes.revokedAt)));
}

/** The admin's reject-reason lists (`reason_lists`), one row per lifecycle kind. */
import { eq } from 'drizzle-orm';
import type { Db } from './client';
import { reasonLists } from './schema';

export type ReasonListRow = typeof reasonLists.$inferSelect;

export async function findReasonList(db: Db, kind: string): Promise<ReasonListRow | undefined> {
  return db.query.reasonLists.findFirst({ where: eq(reasonLists.kind, kind) });
}

export async function saveReasonList(db: Db, row: ReasonListRow): Promise<void> {
  await db
    .insert(reasonLists)
    .values(row)
    .onConflictDoUpdate({
      target: reasonLists.kind,
      set: { reasons: row.reasons, updatedAt: row.updatedAt, updatedBy: row.updatedBy },
    });
}

export async function deleteReasonList(db: Db, kind: string): Promise<void> {
  await db.delete(reasonLists).where(eq(reasonLists.kind, kind));
}

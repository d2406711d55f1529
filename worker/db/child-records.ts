/** Records a transition created under another (the agreement an accepted invitation became). */
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { records } from './schema';

export async function latestChildId(db: Db, parentId: string, kind: string): Promise<string | null> {
  const rows = await db
    .select({ id: records.id })
    .from(records)
    .where(and(eq(records.parentId, parentId), eq(records.kind, kind)))
    .orderBy(desc(records.createdAt), desc(records.id))
    .limit(1);
  return rows[0]?.id ?? null;
}

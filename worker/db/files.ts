/** Queries on the `files` table (uploads; the bytes live in R2 under `objectKey`). */
import { and, asc, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import type { Write } from './batch';
import type { Db } from './client';
import { files } from './schema';

export type FileRow = typeof files.$inferSelect;

/** D1 binds at most 100 parameters per statement; id lists are cut into chunks below that. */
export const ID_CHUNK = 90;

export function chunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function insertFile(db: Db, row: Omit<FileRow, 'createdAt'> & { createdAt?: string }): Promise<void> {
  await db.insert(files).values(row);
}

export async function findFile(db: Db, id: string): Promise<FileRow | undefined> {
  return db.query.files.findFirst({ where: eq(files.id, id) });
}

export async function findFiles(db: Db, ids: readonly string[]): Promise<FileRow[]> {
  const unique = [...new Set(ids)];
  const pages = await Promise.all(chunks(unique).map((part) => db.select().from(files).where(inArray(files.id, part))));
  return pages.flat();
}

/**
 * Attaches the actor's own unattached files to a record. A file already attached to this record
 * stays as it is (whoever uploaded it: a reviewer correcting a student's record resubmits the
 * student's files); a file attached elsewhere or owned by someone else is left untouched.
 */
export function attachStatement(db: Db, ids: string[], recordId: string, ownerId: string): Write {
  return db.update(files)
    .set({ recordId })
    .where(and(inArray(files.id, ids), eq(files.ownerId, ownerId), isNull(files.recordId)));
}

/**
 * Aborts the batch unless every id is now attached to the record (see `writeGuards`): a file
 * attached elsewhere between the check and the batch (two tabs, two records) must not be lost or
 * shared, so the whole transition fails instead.
 */
export function abortUnlessAllAttached(ids: string[], recordId: string): Write {
  const list = sql.join(ids.map((id) => sql`${id}`), sql`, `);
  return sql`INSERT INTO write_guards (ok) SELECT NULL
    WHERE (SELECT COUNT(*) FROM files WHERE id IN (${list}) AND record_id = ${recordId}) <> ${ids.length}`;
}

/** Unattached files created before the cutoff, oldest first. */
export async function findOrphans(db: Db, olderThanIso: string, limit: number): Promise<Pick<FileRow, 'id' | 'objectKey'>[]> {
  return db.select({ id: files.id, objectKey: files.objectKey }).from(files)
    .where(and(isNull(files.recordId), lt(files.createdAt, olderThanIso)))
    .orderBy(asc(files.createdAt))
    .limit(limit);
}

/**
 * Deletes those rows that are still unattached and returns their object keys: a file attached
 * since it was listed keeps its row, and so its object.
 */
export async function deleteUnattached(db: Db, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.delete(files)
    .where(and(inArray(files.id, ids), isNull(files.recordId)))
    .returning({ objectKey: files.objectKey });
  return rows.map((r) => r.objectKey);
}

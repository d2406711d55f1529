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

/** What an account has uploaded since a time (files and bytes), and how many of its uploads are loose. */
export interface UploadUsage {
  filesSince: number;
  bytesSince: number;
  loose: number;
}

/** The most an account may have: `UploadUsage` after the upload must not exceed it. */
export type UploadCeiling = UploadUsage;

/** One indexed read (files_owner): the owner's files since the time, and its loose ones of any age. */
const usageOf = (ownerId: string, sinceIso: string) => sql`SELECT
    COALESCE(SUM(created_at >= ${sinceIso}), 0) AS filesSince,
    COALESCE(SUM(CASE WHEN created_at >= ${sinceIso} THEN size ELSE 0 END), 0) AS bytesSince,
    COALESCE(SUM(record_id IS NULL), 0) AS loose
  FROM files WHERE owner_id = ${ownerId} AND (created_at >= ${sinceIso} OR record_id IS NULL)`;

export async function uploadUsage(db: Db, ownerId: string, sinceIso: string): Promise<UploadUsage> {
  const row = (await db.all<UploadUsage>(usageOf(ownerId, sinceIso)))[0];
  return { filesSince: row?.filesSince ?? 0, bytesSince: row?.bytesSince ?? 0, loose: row?.loose ?? 0 };
}

/**
 * Inserts the upload's row, then aborts the batch (see `writeGuards`) if the owner's usage with it
 * exceeds the ceiling: two uploads racing past the check before them cannot both get in.
 */
export function insertFileWithinQuota(db: Db, row: FileRow, sinceIso: string, ceiling: UploadCeiling): Write[] {
  const usage = usageOf(row.ownerId, sinceIso);
  return [
    db.insert(files).values(row),
    sql`INSERT INTO write_guards (ok) SELECT NULL FROM (${usage}) AS u
      WHERE u.filesSince > ${ceiling.filesSince} OR u.bytesSince > ${ceiling.bytesSince} OR u.loose > ${ceiling.loose}`,
  ];
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
  return db
    .update(files)
    .set({ recordId })
    .where(and(inArray(files.id, ids), eq(files.ownerId, ownerId), isNull(files.recordId)));
}

/**
 * Aborts the batch unless every id is now attached to the record (see `writeGuards`): a file
 * attached elsewhere between the check and the batch (two tabs, two records) must not be lost or
 * shared, so the whole transition fails instead.
 */
export function abortUnlessAllAttached(ids: string[], recordId: string): Write {
  const list = sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );
  return sql`INSERT INTO write_guards (ok) SELECT NULL
    WHERE (SELECT COUNT(*) FROM files WHERE id IN (${list}) AND record_id = ${recordId}) <> ${ids.length}`;
}

/** Unattached files created before the cutoff, oldest first. */
export async function findOrphans(db: Db, olderThanIso: string, limit: number): Promise<Pick<FileRow, 'id' | 'objectKey'>[]> {
  return db
    .select({ id: files.id, objectKey: files.objectKey })
    .from(files)
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
  const rows = await db
    .delete(files)
    .where(and(inArray(files.id, ids), isNull(files.recordId)))
    .returning({ objectKey: files.objectKey });
  return rows.map((r) => r.objectKey);
}

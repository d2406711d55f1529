/**
 * Uploads never attached to a record (the form was abandoned, the file replaced before saving)
 * are deleted after a day, so R2 holds only what some record uses. Run from the cron.
 */
import type { Db } from '../../db/client';
import { deleteUnattached, findOrphans } from '../../db/files';

export const ORPHAN_AGE_MS = 24 * 60 * 60 * 1000;
const PAGE = 50;
/** bounds one cron run; what is left waits for the next run */
const MAX_PAGES = 20;

export function orphanCutoff(now = new Date()): string {
  return new Date(now.getTime() - ORPHAN_AGE_MS).toISOString();
}

/** Deletes unattached files created before `olderThanIso` (row, then object); returns how many. */
export async function sweepOrphanFiles(db: Db, r2: R2Bucket, olderThanIso: string = orphanCutoff()): Promise<number> {
  let deleted = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const orphans = await findOrphans(db, olderThanIso, PAGE);
    if (orphans.length === 0) break;
    // the row goes first and only while still unattached: a file attached meanwhile keeps both
    const keys = await deleteUnattached(
      db,
      orphans.map((f) => f.id),
    );
    if (keys.length) await r2.delete(keys);
    deleted += keys.length;
    if (orphans.length < PAGE) break;
  }
  return deleted;
}

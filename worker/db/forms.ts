import { and, count, desc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from './client';
import { formDrafts, formVersions, records } from './schema';

export async function latestFormVersionRow(db: Db, formKey: string) {
  return db.query.formVersions.findFirst({ where: eq(formVersions.formKey, formKey), orderBy: desc(formVersions.version) });
}

export async function formVersionRow(db: Db, formKey: string, version: number) {
  return db.query.formVersions.findFirst({ where: and(eq(formVersions.formKey, formKey), eq(formVersions.version, version)) });
}

/** Version 1 of a shipped form is written once; later writers lose the race harmlessly. */
export async function insertFirstVersion(db: Db, formKey: string, definition: Record<string, unknown>) {
  await db.insert(formVersions).values({ formKey, version: 1, definition, publishedBy: 'system' }).onConflictDoNothing();
}

/** Every published version of a form, newest first, without the (large) definitions. */
export async function formVersionList(db: Db, formKey: string) {
  return db
    .select({ version: formVersions.version, publishedAt: formVersions.publishedAt, publishedBy: formVersions.publishedBy })
    .from(formVersions)
    .where(eq(formVersions.formKey, formKey))
    .orderBy(desc(formVersions.version));
}

/** The newest version number of every form that has one. */
export async function latestVersionNumbers(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ formKey: formVersions.formKey, version: max(formVersions.version) })
    .from(formVersions)
    .groupBy(formVersions.formKey);
  return new Map(rows.map((r) => [r.formKey, r.version ?? 0]));
}

/** How many records use each version of each form. */
export async function recordCountsByVersion(db: Db) {
  return db
    .select({ formKey: records.formKey, formVersion: records.formVersion, n: count() })
    .from(records)
    .groupBy(records.formKey, records.formVersion);
}

/** Records of a form in the given states, per lifecycle kind (the records a new version may affect). */
export async function recordsInStates(db: Db, formKey: string, kind: string, states: string[]) {
  if (states.length === 0) return [];
  return db
    .select({ id: records.id, kind: records.kind, state: records.state, data: records.data, formVersion: records.formVersion })
    .from(records)
    .where(and(eq(records.formKey, formKey), eq(records.kind, kind), inArray(records.state, states)))
    .orderBy(records.id)
    .limit(IMPACT_RECORD_LIMIT + 1); // one more than is checked tells the caller there were more
}

/** Impact checks read at most this many records per lifecycle; the report says when it stopped. */
export const IMPACT_RECORD_LIMIT = 2000;

export async function draftRow(db: Db, formKey: string) {
  return db.query.formDrafts.findFirst({ where: eq(formDrafts.formKey, formKey) });
}

export async function draftUpdatedAt(db: Db) {
  const rows = await db
    .select({
      formKey: formDrafts.formKey,
      updatedAt: formDrafts.updatedAt,
      updatedBy: formDrafts.updatedBy,
      baseVersion: formDrafts.baseVersion,
    })
    .from(formDrafts);
  return new Map(rows.map((r) => [r.formKey, r]));
}

/**
 * Writes the draft. With `savedAt` the write happens only if the stored draft is still the one the
 * edits were made on (`null`: there was none) — one statement, so two saves cannot both pass the
 * check. Resolves to whether it wrote.
 */
export async function saveDraft(
  db: Db,
  formKey: string,
  definition: Record<string, unknown>,
  by: string,
  at: string,
  baseVersion: number,
  savedAt?: string | null,
): Promise<boolean> {
  const values = { formKey, definition, updatedAt: at, updatedBy: by, baseVersion };
  const set = { definition, updatedAt: at, updatedBy: by, baseVersion };
  const insert = db.insert(formDrafts).values(values);
  const result =
    savedAt === undefined
      ? await insert.onConflictDoUpdate({ target: formDrafts.formKey, set })
      : savedAt === null
        ? await insert.onConflictDoNothing()
        : await insert.onConflictDoUpdate({ target: formDrafts.formKey, set, setWhere: eq(formDrafts.updatedAt, savedAt) });
  return result.meta.changes > 0;
}

export function deleteDraftStatement(db: Db, formKey: string) {
  return db.delete(formDrafts).where(eq(formDrafts.formKey, formKey));
}

/** A new version row; the primary key (form_key, version) makes a concurrent publish of the same number fail. */
export function insertVersionStatement(
  db: Db,
  formKey: string,
  version: number,
  definition: Record<string, unknown>,
  by: string,
  at: string,
) {
  return db.insert(formVersions).values({ formKey, version, definition, publishedBy: by, publishedAt: at });
}

import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import { formVersions } from './schema';

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

/** The admin's overview: each form with its published versions, records per version and draft. */
import type { Db } from '../../db/client';
import { draftUpdatedAt, formVersionList, recordCountsByVersion } from '../../db/forms';
import { latestForm, SHIPPED_FORMS } from '../../form-registry/registry';

export interface VersionSummary {
  version: number;
  publishedAt: string;
  publishedBy: string;
  records: number;
}

export interface FormSummary {
  key: string;
  title: string;
  latestVersion: number;
  versions: VersionSummary[];
  /** baseVersion: the version the draft was started from (null: saved before drafts kept it) */
  draft: { updatedAt: string; updatedBy: string; baseVersion: number | null } | null;
}

export async function formVersions(db: Db, formKey: string): Promise<VersionSummary[]> {
  await latestForm(db, formKey); // makes sure version 1 exists
  const [list, counts] = await Promise.all([formVersionList(db, formKey), recordCountsByVersion(db)]);
  const n = new Map(counts.filter((c) => c.formKey === formKey).map((c) => [c.formVersion, c.n]));
  return list.map((v) => ({ ...v, records: n.get(v.version) ?? 0 }));
}

export async function formCatalog(db: Db): Promise<FormSummary[]> {
  const keys = Object.keys(SHIPPED_FORMS);
  const latest = await Promise.all(keys.map(async (key) => ({ key, form: await latestForm(db, key) })));
  const [counts, drafts, forms] = await Promise.all([
    recordCountsByVersion(db),
    draftUpdatedAt(db),
    Promise.all(latest.map(async (l) => ({ ...l, list: await formVersionList(db, l.key) }))),
  ]);
  return forms.map(({ key, form, list }) => {
    const n = new Map(counts.filter((c) => c.formKey === key).map((c) => [c.formVersion, c.n]));
    const draft = drafts.get(key);
    return {
      key,
      title: form.definition.title,
      latestVersion: form.version,
      versions: list.map((v) => ({ ...v, records: n.get(v.version) ?? 0 })),
      draft: draft ? { updatedAt: draft.updatedAt, updatedBy: draft.updatedBy, baseVersion: draft.baseVersion } : null,
    };
  });
}

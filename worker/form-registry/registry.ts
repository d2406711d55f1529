/**
 * Form definitions by key and version. Shipped definitions (forms/*.json) become version 1 in the
 * database on first use; publishing adds versions. A version is immutable, so each is parsed once
 * per isolate and cached forever.
 */
import agreement from '../../forms/agreement.json';
import destination from '../../forms/destination.json';
import dispatch from '../../forms/dispatch.json';
import employer from '../../forms/employer.json';
import source from '../../forms/source.json';
import termination from '../../forms/termination.json';
import type { FormDefinition } from '../../forms/engine/types';
import type { Db } from '../db/client';
import { formVersionRow, insertFirstVersion, latestFormVersionRow } from '../db/forms';
import { notFound } from '../http/errors';

export const SHIPPED_FORMS: Record<string, FormDefinition> = {
  source: source as unknown as FormDefinition,
  agreement: agreement as unknown as FormDefinition,
  termination: termination as unknown as FormDefinition,
  dispatch: dispatch as unknown as FormDefinition,
  employer: employer as unknown as FormDefinition,
  destination: destination as unknown as FormDefinition,
};

export interface FormVersion {
  key: string;
  version: number;
  definition: FormDefinition;
}

const cache = new Map<string, FormVersion>();

function remember(key: string, version: number, definition: unknown): FormVersion {
  const id = `${key}@${version}`;
  let hit = cache.get(id);
  if (!hit) {
    hit = { key, version, definition: definition as FormDefinition };
    cache.set(id, hit);
  }
  return hit;
}

export async function latestForm(db: Db, key: string): Promise<FormVersion> {
  if (!Object.hasOwn(SHIPPED_FORMS, key)) throw notFound('表单不存在');
  let row = await latestFormVersionRow(db, key);
  if (!row) {
    await insertFirstVersion(db, key, SHIPPED_FORMS[key] as unknown as Record<string, unknown>);
    row = await latestFormVersionRow(db, key);
  }
  if (!row) throw notFound('表单不存在');
  return remember(key, row.version, row.definition);
}

export async function formAtVersion(db: Db, key: string, version: number): Promise<FormVersion> {
  const hit = cache.get(`${key}@${version}`);
  if (hit) return hit;
  if (version === 1 && Object.hasOwn(SHIPPED_FORMS, key)) await latestForm(db, key);
  const row = await formVersionRow(db, key, version);
  if (!row) throw notFound('表单版本不存在');
  return remember(key, row.version, row.definition);
}

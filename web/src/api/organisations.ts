/** Schools (and, for reviewers, their colleges) — the options of the queue filters. */
import type * as v from 'valibot';
import { api } from './client';
import type { CollegeOptionSchema, SchoolOptionSchema } from '../../../contract/students';

export type CollegeOption = v.InferOutput<typeof CollegeOptionSchema>;
export type SchoolOption = v.InferOutput<typeof SchoolOptionSchema>;

/** Per signed-in account: what a reviewer may filter by depends on who they are. */
const cache = new Map<string, Promise<SchoolOption[]>>();

export function loadSchools(accountId: string): Promise<SchoolOption[]> {
  let hit = cache.get(accountId);
  if (!hit) {
    hit = api<{ items: SchoolOption[] }>('/api/schools').then((r) => r.items);
    hit.catch(() => cache.delete(accountId));
    cache.set(accountId, hit);
  }
  return hit;
}

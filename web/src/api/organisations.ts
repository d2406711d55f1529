/** Schools (and, for reviewers, their colleges) — the options of the queue filters. */
import { api } from './client';

export interface CollegeOption { id: string; name: string }
export interface SchoolOption { id: string; code: string; name: string; colleges?: CollegeOption[] }

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

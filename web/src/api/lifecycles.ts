/**
 * GET /api/lifecycles: labels, next-step words and what the user may create now. Kept until a write
 * (create or transition, see records.ts) or a sign-in/out may have changed what may be created.
 */
import { api } from './client';
import type { Lifecycles } from './types';

let cached: Promise<Lifecycles> | null = null;

export function loadLifecycles(): Promise<Lifecycles> {
  if (!cached) {
    cached = api<Lifecycles>('/api/lifecycles');
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

export function forgetLifecycles(): void {
  cached = null;
}

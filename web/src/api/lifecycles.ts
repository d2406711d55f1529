/** GET /api/lifecycles, fetched once per session (labels and create rights do not change while signed in). */
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

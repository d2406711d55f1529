import { notFound } from '../http/errors';
import { sourceRecords } from './definitions/source-records';
import type { Kind, Lifecycle } from './types';

/** Every lifecycle of DESIGN §3, by the `<kind>` of its API path. */
export const LIFECYCLES: Partial<Record<Kind, Lifecycle>> = {
  'source-records': sourceRecords,
};

export function lifecycleOf(kind: string): Lifecycle {
  const lifecycle = Object.hasOwn(LIFECYCLES, kind) ? LIFECYCLES[kind as Kind] : undefined;
  if (!lifecycle) throw notFound('不支持的记录类型');
  return lifecycle;
}

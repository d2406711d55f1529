import { notFound } from '../http/errors';
import { agreements } from './definitions/agreements';
import { amendments } from './definitions/amendments';
import { destinations } from './definitions/destinations';
import { dispatches } from './definitions/dispatches';
import { employerRegistrations } from './definitions/employer-registrations';
import { invitations } from './definitions/invitations';
import { sourceRecords } from './definitions/source-records';
import { terminations } from './definitions/terminations';
import type { Kind, Lifecycle } from './types';

/** Every lifecycle of docs/architecture.md, the lifecycles, by the `<kind>` of its API path. */
export const LIFECYCLES: Partial<Record<Kind, Lifecycle>> = {
  'source-records': sourceRecords,
  invitations,
  agreements,
  amendments,
  terminations,
  dispatches,
  'employer-registrations': employerRegistrations,
  destinations,
};

export function lifecycleOf(kind: string): Lifecycle {
  const lifecycle = Object.hasOwn(LIFECYCLES, kind) ? LIFECYCLES[kind as Kind] : undefined;
  if (!lifecycle) throw notFound('不支持的记录类型');
  return lifecycle;
}

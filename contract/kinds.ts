/**
 * The record kinds of the generic record API (`/api/<kind>`, docs/architecture.md, the lifecycles),
 * defined once: the worker's lifecycle registry and the web app both import this list.
 */
export const KINDS = [
  'source-records',
  'invitations',
  'agreements',
  'amendments',
  'terminations',
  'dispatches',
  'employer-registrations',
  'destinations',
] as const;
export type Kind = (typeof KINDS)[number];

export function isKind(value: unknown): value is Kind {
  return typeof value === 'string' && (KINDS as readonly string[]).includes(value);
}

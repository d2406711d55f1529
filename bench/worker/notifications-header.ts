/**
 * A request carrying `x-bench-notifications: off` runs as the deployed worker does with the
 * operator's `NOTIFICATIONS = "off"` (docs/deploy.md), so the bench measures a transition with and
 * without its notifications in one run; `sweep` runs it as with `NOTIFY_FROM_REQUEST = "off"` (the rows
 * are written, nothing is queued from the request). Only the bench's entry (./app.ts) reads it; the
 * deployed one ignores it.
 */
export const BENCH_NOTIFICATIONS_HEADER = 'x-bench-notifications';

/**
 * A review queue is a list with its filters (/r/<kind>?state=…&q=…). A record opened from it carries
 * them in one `queue` parameter, so after approving or rejecting, the next record comes from the
 * same queue and 返回列表 lands on it again.
 */
export const QUEUE_FILTERS = ['state', 'cohort', 'q', 'school', 'college'] as const;
export type QueueFilters = Partial<Record<(typeof QUEUE_FILTERS)[number], string>>;

/** The filters as the `queue` parameter's value (only the known, non-empty ones). */
export function queueParam(filters: QueueFilters): string {
  const params = new URLSearchParams();
  for (const key of QUEUE_FILTERS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The filters back from a `queue` parameter; unknown keys are dropped. */
export function parseQueue(value: string | null | undefined): QueueFilters {
  const params = new URLSearchParams(value ?? '');
  const out: QueueFilters = {};
  for (const key of QUEUE_FILTERS) {
    const v = params.get(key);
    if (v) out[key] = v;
  }
  return out;
}

export function listHref(kind: string, filters: QueueFilters): string {
  const s = queueParam(filters);
  return `/r/${encodeURIComponent(kind)}${s ? `?${s}` : ''}`;
}

export function recordHref(kind: string, id: string, filters: QueueFilters): string {
  const s = queueParam(filters);
  return `/r/${encodeURIComponent(kind)}/${encodeURIComponent(id)}${s ? `?${new URLSearchParams({ queue: s })}` : ''}`;
}

/**
 * Reviewers go on to the next record after an action that moved the record out of their hands;
 * whether the viewer works through a queue is the server's word (the record answer's `advancesQueue`).
 */
export function shouldAdvance(advancesQueue: boolean, stateBefore: string, stateAfter: string, stillActionable: boolean): boolean {
  return advancesQueue && stateBefore !== stateAfter && !stillActionable;
}

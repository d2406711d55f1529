/**
 * Where a reviewer may approve in bulk and what its home page shows as 待我审核: the caller's review
 * queue of each kind, as GET /api/lifecycles says it (`review`). The API itself stays per record.
 */
import type { LifecycleInfo } from '../../api/types';

export function canBulkApprove(lc: Pick<LifecycleInfo, 'review'> | undefined, state: string): boolean {
  return !!state && !!lc?.review?.bulk && lc.review.states.includes(state);
}

/** The states of a kind the caller reviews, for home-page links. */
export function approvableStates(lc: Pick<LifecycleInfo, 'review'>): string[] {
  return lc.review?.states ?? [];
}

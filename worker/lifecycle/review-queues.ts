/**
 * The review queues of each role (docs/architecture.md, roles and scope): the states of a kind in
 * which the role approves, shown first on its home page as 待我审核, and whether it may approve a
 * filtered list of them in one go (批量通过, still one transition per record). GET /api/lifecycles
 * carries the caller's queue per kind (`review`), so the web keeps no list of its own; every state
 * here has an `approve` transition by that role (review-queues.test.ts).
 */
import type { Role } from '../../forms/engine/types';
import type { Kind } from '../../contract/kinds';

interface ReviewQueue {
  states: Partial<Record<Role, readonly string[]>>;
  /** false: checked one record at a time (an employer's registration against its licence) */
  bulk: boolean;
}

export const REVIEW_QUEUES: Partial<Record<Kind, ReviewQueue>> = {
  'source-records': { states: { school: ['submitted'], province: ['school_approved'] }, bulk: true },
  agreements: { states: { college: ['college_review'], school: ['school_review'] }, bulk: true },
  dispatches: { states: { college: ['college_review'], school: ['school_review'], center: ['center_review'] }, bulk: true },
  terminations: { states: { college: ['college_review'], school: ['school_review'] }, bulk: true },
  'employer-registrations': { states: { center: ['pending'] }, bulk: false },
};

/** The role's queue of a kind, or null when it reviews none there. */
export function reviewQueueOf(kind: Kind, role: Role): { states: string[]; bulk: boolean } | null {
  const queue = REVIEW_QUEUES[kind];
  const states = queue?.states[role];
  return queue && states ? { states: [...states], bulk: queue.bulk } : null;
}

import { describe, expect, it } from 'vitest';
import { approvableStates, canBulkApprove } from './bulkApproveRule';

describe('批量通过 and 待我审核 follow the lifecycles answer’s review queue', () => {
  it('bulk approval is offered on a queue state of a bulk queue only', () => {
    const lc = { review: { states: ['school_review'], bulk: true } };
    expect(canBulkApprove(lc, 'school_review')).toBe(true);
    expect(canBulkApprove(lc, 'college_review')).toBe(false);
    expect(canBulkApprove(lc, '')).toBe(false);
    expect(canBulkApprove({ review: { states: ['pending'], bulk: false } }, 'pending')).toBe(false);
    expect(canBulkApprove({}, 'school_review')).toBe(false);
    expect(canBulkApprove(undefined, 'school_review')).toBe(false);
  });

  it('the home page’s queue is the answer’s states, none without a queue', () => {
    expect(approvableStates({ review: { states: ['pending'], bulk: false } })).toEqual(['pending']);
    expect(approvableStates({})).toEqual([]);
  });
});

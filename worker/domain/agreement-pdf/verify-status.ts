/**
 * What the public verification page says about an agreement's state: a plain verdict a third
 * party (an archive office, a police station handling 户口) can act on, and why.
 */
export type Verdict = 'valid' | 'pending' | 'invalid';

export interface VerifyStatus {
  verdict: Verdict;
  /** 有效 / 审核中 / 无效 */
  title: string;
  explanation: string;
}

const STATUS = new Map<string, VerifyStatus>(
  Object.entries({
    approved: { verdict: 'valid', title: '有效（已审核）', explanation: '学校已审核通过，本协议书有效。' },
    college_review: { verdict: 'pending', title: '审核中', explanation: '协议书待学院审核，尚未生效。' },
    school_review: { verdict: 'pending', title: '审核中', explanation: '学院已审核，待学校审核，尚未生效。' },
    returned: { verdict: 'pending', title: '审核中（退回修改）', explanation: '协议书已退回学生修改，尚未生效。' },
    rejected: { verdict: 'invalid', title: '无效', explanation: '协议书审核未通过，不具效力。' },
    terminated: { verdict: 'invalid', title: '已解约（无效）', explanation: '协议书已解除，不再具有效力。' },
  }),
);

export function verifyStatus(state: string): VerifyStatus {
  return STATUS.get(state) ?? { verdict: 'invalid', title: '无效', explanation: '协议书当前不具效力。' };
}

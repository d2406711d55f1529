/** Who is told of what is data; no message, whatever a reviewer typed, carries a full 身份证号 or phone. */
import { describe, expect, it } from 'vitest';
import { LIFECYCLES } from '../registry';
import { maskIdentifiers, render, valuesOf } from './render';
import { ACCOUNT_RULES, NOTIFY_RULES, rulesFor } from './rules';

const ID = '320102200001011234';
const PHONE = '13912345678';

describe('notification rules', () => {
  it('name only actions and states the lifecycles have', () => {
    for (const r of NOTIFY_RULES) {
      const l = LIFECYCLES[r.kind]!;
      const actions = new Set([...l.transitions.map((t) => t.action), 'create', ...(l.events ?? []).map((e) => e.action), 'close']);
      expect(actions.has(r.action), `${r.kind}.${r.action}`).toBe(true);
      for (const s of [...(r.from ?? []), ...(r.to ?? [])]) expect(Object.keys(l.states), `${r.kind}.${r.action} ${s}`).toContain(s);
    }
  });

  it('pick the rule by the state reached: the college approval and the school approval say different things', () => {
    expect(rulesFor('agreements', 'approve', 'college_review', 'school_review').map((r) => r.title)).toEqual(['协议书学院审核通过']);
    expect(rulesFor('agreements', 'approve', 'school_review', 'approved').map((r) => r.title)).toEqual(['协议书审核通过，已生效']);
    // a draft the student never saw: withdrawing it tells nobody
    expect(rulesFor('invitations', 'withdraw', 'draft', 'withdrawn')).toEqual([]);
    expect(rulesFor('invitations', 'withdraw', 'sent', 'withdrawn')).toHaveLength(1);
  });

  it('never carry a full 身份证号 or phone, even one typed into a reason', () => {
    const record = {
      data: { name: '李思远', idNumber: ID, mobile: PHONE, employerName: '南京云帆信息科技有限公司', jobTitle: '后端开发工程师' },
      deadline: '2027-06-01',
      number: '1028620270001',
    };
    const values = valuesOf(record, { reason: `学生身份证号 ${ID} 与电话 ${PHONE} 不符`, step: '学院审核通过', actor: '学院审核员' });
    const texts = [...NOTIFY_RULES.flatMap((r) => [r.title, r.body]), ACCOUNT_RULES.passwordReset.body].map((t) => render(t, values));
    for (const text of texts) {
      expect(text).not.toContain(ID);
      expect(text).not.toContain(PHONE);
    }
    expect(render('{reason}', values)).toBe('学生身份证号 **************1234 与电话 *******5678 不符');
    expect(render(NOTIFY_RULES[0]!.body, values)).toBe(
      '南京云帆信息科技有限公司向您发出职位邀约（后端开发工程师），请在 2027-06-01 前应约。',
    );
  });

  it('refuse a placeholder outside the fixed set (an identifier cannot be templated in)', () => {
    expect(() => render('{idNumber}', {})).toThrow(/unknown placeholder/);
    expect(maskIdentifiers('编号 1028620270001')).toBe('编号 1028620270001');
  });
});

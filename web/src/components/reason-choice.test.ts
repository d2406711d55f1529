import { describe, expect, it } from 'vitest';
import { reasonProblem } from './reason-choice';

describe('a reject needs a picked reason or free text', () => {
  it('either is enough; neither (or blanks) is a problem to show', () => {
    expect(reasonProblem('单位未盖章或签字不全', '')).toBeNull();
    expect(reasonProblem('', '公章不清晰')).toBeNull();
    expect(reasonProblem('单位未盖章或签字不全', '第 2 页')).toBeNull();
    expect(reasonProblem('', '   ')).toBe('请选择一个常用原因，或填写理由');
  });
});

import { describe, expect, it } from 'vitest';
import { reasonErrorText, reasonLines } from './reason-lines';

describe('the admin types reasons one a line', () => {
  it('trims lines and drops blank ones', () => {
    expect(reasonLines(' 营业执照已过期 \r\n\n单位名称与公章不一致\n  ')).toEqual(['营业执照已过期', '单位名称与公章不一致']);
    expect(reasonLines('')).toEqual([]);
  });

  it('names the refused lines as the admin counts them', () => {
    expect(
      reasonErrorText('退回原因填写有误', [
        { path: 'reasons.1', message: '与前面的原因重复' },
        { path: 'reasons', message: '最多 20 条' },
      ]),
    ).toBe('退回原因填写有误（第 2 条：与前面的原因重复）');
    expect(reasonErrorText('最多 20 条原因', [{ path: 'reasons', message: '最多 20 条' }])).toBe('最多 20 条原因');
  });
});

import { describe, expect, it } from 'vitest';
import { summaryItems, toErrorMap } from './errors';

const LABELS: Record<string, string> = { creditCode: '统一社会信用代码', contacts: '单位联系人', note: '备注' };

describe('the error summary', () => {
  it('lists every error it counts, even past ten', () => {
    const errors = Array.from({ length: 14 }, (_, i) => ({ path: `contacts.${i}.contactPhone`, message: '联系电话应为 11 位手机号码' }));
    const items = summaryItems(toErrorMap(errors), (k) => LABELS[k]);
    expect(items).toHaveLength(14);
    expect(new Set(items.map((i) => i.path)).size).toBe(14);
  });

  it('says a field name once, and never an internal key', () => {
    const items = summaryItems(
      toErrorMap([
        { path: 'creditCode', message: '统一社会信用代码无效（校验位不符），请逐位核对' },
        { path: 'note', message: '最多 200 个字' },
        { path: 'schoolOpinion', message: '请填写学校意见' },
      ]),
      (k) => LABELS[k],
    );
    expect(items.map((i) => i.lead + i.text)).toEqual([
      '统一社会信用代码无效（校验位不符），请逐位核对',
      '备注：最多 200 个字',
      '请填写学校意见',
    ]);
  });
});

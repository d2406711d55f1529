import { describe, expect, it } from 'vitest';
import { codeLabel, resolveCodeTable } from '../engine/codes';
import { BUILTIN_CODE_TABLES } from './index';

describe('built-in code tables', () => {
  it('has every table the shipped forms rely on, keyed by its own key', () => {
    expect(Object.keys(BUILTIN_CODE_TABLES).sort()).toEqual([
      'destination',
      'education',
      'ethnicity',
      'gender',
      'industry',
      'jobCategory',
      'politicalStatus',
      'trainingMode',
      'unitNature',
    ]);
    for (const [key, table] of Object.entries(BUILTIN_CODE_TABLES)) {
      expect(table.key).toBe(key);
      expect(table.source).toBeTruthy();
      const codes = table.items.map((i) => i.code);
      expect(new Set(codes).size).toBe(codes.length);
    }
  });

  it('lists 56 nations plus 其他 and 外国血统中国籍人士 (GB/T 3304)', () => {
    const items = BUILTIN_CODE_TABLES.ethnicity.items;
    expect(items).toHaveLength(58);
    expect(items[0]).toEqual({ code: '01', label: '汉族' });
    expect(items[55]).toEqual({ code: '56', label: '基诺族' });
  });

  it('lists the 20 sections of GB/T 4754-2017', () => {
    const codes = BUILTIN_CODE_TABLES.industry.items.map((i) => i.code).join('');
    expect(codes).toBe('ABCDEFGHIJKLMNOPQRST');
  });

  it('looks labels up, definition tables first', () => {
    expect(codeLabel(null, 'unitNature', '10')).toBe('机关');
    expect(codeLabel(null, 'politicalStatus', '13')).toBe('群众');
    const def = { codeTables: [{ key: 'gender', label: '性别', items: [{ code: 'M', label: '男' }] }] };
    expect(resolveCodeTable(def, 'gender')?.items).toHaveLength(1);
    expect(codeLabel(null, 'constructor', '1')).toBeNull();
    expect(codeLabel(null, 'toString', '1')).toBeNull();
  });
});

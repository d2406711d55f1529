import { describe, expect, it } from 'vitest';
import { maskName } from './mask-name';

describe('maskName', () => {
  it('keeps the surname and the last character', () => {
    expect(maskName('李思远')).toBe('李*远');
    expect(maskName('欧阳明堃')).toBe('欧阳*堃');
    expect(maskName('阿卜杜拉·艾则孜')).toBe('阿*孜');
  });

  it('never shows a whole name', () => {
    expect(maskName('李明')).toBe('李*');
    expect(maskName('欧阳堃')).toBe('欧阳*');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
  });
});

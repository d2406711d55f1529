import { describe, expect, it } from 'vitest';
import { printableText } from './printable-text';
import { wrapText } from './wrap-text';

/** CJK full width, everything else half width, as in the embedded font. */
const width = (ch: string) => (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5);

describe('wrapText', () => {
  it('breaks Chinese between any two characters at the column width', () => {
    expect(wrapText('江苏省南京市鼓楼区汉中路', 50, 10, width)).toEqual(['江苏省南京', '市鼓楼区汉', '中路']);
  });

  it('keeps a Latin word or number whole when it fits, and breaks one longer than a line', () => {
    expect(wrapText('邮箱 hr@yunfan.cn', 60, 10, width)).toEqual(['邮箱', 'hr@yunfan.cn']);
    expect(wrapText('91320106MA1XY012AY', 50, 10, width)).toEqual(['91320106MA', '1XY012AY']);
  });

  it('never starts a line with closing punctuation', () => {
    const lines = wrapText('一二三四五，六七', 50, 10, width);
    expect(lines).toEqual(['一二三四', '五，六七']);
  });

  it('keeps the line breaks of the text and never returns a line wider than the column', () => {
    const text = '第一行\n第二行很长很长很长很长很长很长 mixed with English words and 12345678901234567890';
    const lines = wrapText(text, 80, 10, width);
    expect(lines[0]).toBe('第一行');
    for (const line of lines) expect(Array.from(line).reduce((s, ch) => s + width(ch), 0) * 10).toBeLessThanOrEqual(80);
    expect(lines.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

describe('printableText', () => {
  it('drops control characters and folds look-alike radicals onto the ideograph', () => {
    expect(printableText('a\u0000b\tc\r\nd\u2f00')).toBe('ab c\nd一');
  });
});

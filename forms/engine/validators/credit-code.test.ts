import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, isValidCreditCode } from './credit-code';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const weightedSum = (body: string) => Array.from(body).reduce((sum, c, i) => sum + CHARSET.indexOf(c) * WEIGHTS[i]!, 0);

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it("accepts the standard's own example code", () => {
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
  });

  it('accepts lower-case input by normalising it', () => {
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('maps a check value of 31 to "0" (the case stdnum gets wrong)', () => {
    const body = '91110108MA01C4F89';
    expect(weightedSum(body) % 31).toBe(0);
    expect(creditCodeCheckChar(body)).toBe('0');
    expect(isValidCreditCode(`${body}0`)).toBe(true);
    expect(isValidCreditCode(`${body}Y`)).toBe(false);
  });

  it('refuses a wrong check character', () => {
    expect(isValidCreditCode('91350100M000100Y44')).toBe(false);
  });

  it('refuses the letters I, O, Z, S and V anywhere', () => {
    for (const letter of ['I', 'O', 'Z', 'S', 'V']) {
      const body = `91350100M00010${letter}Y4`;
      expect(creditCodeCheckChar(body)).toBeNull();
      for (const check of CHARSET) expect(isValidCreditCode(body + check)).toBe(false);
    }
  });

  it('refuses wrong length, a non-digit region part and non-strings', () => {
    expect(isValidCreditCode('91350100M000100Y4')).toBe(false);
    const body = '91A50100M000100Y4';
    expect(isValidCreditCode(body + creditCodeCheckChar(body)!)).toBe(false);
    expect(isValidCreditCode(913501000001004)).toBe(false);
  });
});

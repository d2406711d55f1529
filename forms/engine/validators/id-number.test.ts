import { describe, expect, it } from 'vitest';
import { idNumberBirthDate, idNumberCheckChar, idNumberGender, isValidIdNumber, maskIdNumber } from './id-number';

const TODAY = '2025-03-01';
const withCheck = (first17: string) => first17 + idNumberCheckChar(first17);

describe('身份证号 (GB 11643-1999)', () => {
  it('accepts a student ID number whose check character is X', () => {
    expect(isValidIdNumber('11010519491231002X', TODAY)).toBe(true);
  });

  it('accepts a lower-case x, read as X', () => {
    expect(isValidIdNumber('11010519491231002x', TODAY)).toBe(true);
    expect(idNumberBirthDate('11010519491231002x', TODAY)).toBe('1949-12-31');
  });

  it('accepts numbers with a digit check character', () => {
    const id = withCheck('44030420010101123');
    expect(/\d$/.test(id) || id.endsWith('X')).toBe(true);
    expect(isValidIdNumber(id, TODAY)).toBe(true);
  });

  it('refuses a student ID number with a wrong check digit', () => {
    expect(isValidIdNumber('110105194912310021', TODAY)).toBe(false);
    expect(isValidIdNumber('110105194912310020', TODAY)).toBe(false);
  });

  it('refuses an impossible birth date such as 30 February, even with a matching check digit', () => {
    expect(isValidIdNumber(withCheck('11010520000230001'), TODAY)).toBe(false);
    expect(isValidIdNumber(withCheck('11010520010229001'), TODAY)).toBe(false);
    expect(isValidIdNumber(withCheck('11010520000229001'), TODAY)).toBe(true);
  });

  it('refuses a birth date in the future or before 1900', () => {
    expect(isValidIdNumber(withCheck('11010520250302001'), TODAY)).toBe(false);
    expect(isValidIdNumber(withCheck('11010520250301001'), TODAY)).toBe(true);
    expect(isValidIdNumber(withCheck('11010518991231001'), TODAY)).toBe(false);
  });

  it('refuses an unknown province prefix, wrong length and non-strings', () => {
    expect(isValidIdNumber(withCheck('99010520000101001'), TODAY)).toBe(false);
    expect(isValidIdNumber(withCheck('10010520000101001'), TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002', TODAY)).toBe(false);
    expect(isValidIdNumber('11010519491231002XX', TODAY)).toBe(false);
    expect(isValidIdNumber(110105194912310020, TODAY)).toBe(false);
    expect(isValidIdNumber(null, TODAY)).toBe(false);
  });

  it('reads birth date and gender (odd 17th digit = 男 "1", even = 女 "2")', () => {
    expect(idNumberGender('11010519491231002X', TODAY)).toBe('2');
    expect(idNumberGender(withCheck('11010520000101001'), TODAY)).toBe('1');
    expect(idNumberGender('bad', TODAY)).toBeNull();
    expect(idNumberBirthDate('110105194912310021', TODAY)).toBeNull();
  });

  it('shows nothing but the last 4 characters in lists: no region, no birth date', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('**************002X');
    expect(maskIdNumber('110105491231002')).toBe('***********1002');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber(undefined)).toBe('');
  });
});

import { describe, expect, it } from 'vitest';
import { PRESET_PATTERNS } from '../types';
import { isEmail, isLandline, isMobile, isPostcode, maskPhone, matchesPreset, PRESET_PATTERN_REGEXES } from './phone';

describe('contact formats', () => {
  it('accepts mainland mobile numbers 13x–19x and refuses others', () => {
    expect(isMobile('13812341234')).toBe(true);
    expect(isMobile('19912341234')).toBe(true);
    for (const bad of ['12812341234', '1381234123', '138123412345', '+8613812341234', 13812341234, '']) {
      expect(isMobile(bad)).toBe(false);
    }
  });

  it('shows nothing but the last 4 digits of a phone, not even the carrier prefix', () => {
    expect(maskPhone('13812341234')).toBe('*******1234');
    expect(maskPhone('010-12345678')).toBe('********5678');
  });

  it('checks email, landline and postcode', () => {
    expect(isEmail('zhang.san@example.edu.cn')).toBe(true);
    for (const bad of ['zhang@', '@example.com', 'a b@example.com', 'a@example', 'a@@b.cn']) expect(isEmail(bad)).toBe(false);
    expect(isLandline('010-12345678')).toBe(true);
    expect(isLandline('0571-8888888-123')).toBe(true);
    expect(isLandline('12345678')).toBe(false);
    expect(isPostcode('100871')).toBe(true);
    expect(isPostcode('10087')).toBe(false);
  });

  it('has a fixed regex for every preset pattern', () => {
    for (const name of PRESET_PATTERNS) expect(PRESET_PATTERN_REGEXES[name]).toBeInstanceOf(RegExp);
  });

  it('accepts Chinese, minority and foreign names and refuses digits or a lone character', () => {
    for (const ok of ['张三', '欧阳娜娜', '阿依古丽·买买提', 'John Smith', '𠮷田']) expect(matchesPreset('chineseName', ok)).toBe(true);
    for (const bad of ['张', '张3', '·张三', '张三 ', 'a'.repeat(31)]) expect(matchesPreset('chineseName', bad)).toBe(false);
  });

  it('checks student and exam numbers', () => {
    expect(matchesPreset('studentNo', '2021A001')).toBe(true);
    expect(matchesPreset('studentNo', 'A01')).toBe(false);
    expect(matchesPreset('examNo', '21110101123456')).toBe(true);
    expect(matchesPreset('examNo', '2111010112345')).toBe(false);
    expect(matchesPreset('digits', '0123')).toBe(true);
    expect(matchesPreset('alnum', 'ab-1')).toBe(false);
  });
});

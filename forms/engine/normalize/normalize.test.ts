import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODE_TABLES } from '../../codes';
import { isCalendarDate } from '../dates';
import { regionFullName } from '../regions';
import {
  acceptedLabels,
  codeForText,
  normalizeDate,
  normalizeIdText,
  normalizePhone,
  normalizeValue,
  regionCodesForName,
  toHalfWidth,
} from './index';

const T = BUILTIN_CODE_TABLES;

describe('full-width to half-width', () => {
  it('turns full-width digits, letters and signs into ASCII and the ideographic space into a space', () => {
    expect(toHalfWidth('１３８　ＡＢｃ＠（）')).toBe('138 ABc@()');
  });

  it('maps every full-width ASCII character to its half-width twin and leaves CJK alone', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.integer({ min: 0x21, max: 0x7e }).map((c) => String.fromCharCode(c)) }), (ascii) => {
        const full = Array.from(ascii)
          .map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0))
          .join('');
        expect(toHalfWidth(full)).toBe(ascii);
        expect(toHalfWidth(`张三${ascii}`)).toBe(`张三${ascii}`);
      }),
    );
  });
});

describe('code labels, codes and aliases', () => {
  it('reads the code, the label and the common short forms of every coded column', () => {
    expect(codeForText(T.gender, '男')).toBe('1');
    expect(codeForText(T.gender, '女')).toBe('2');
    expect(codeForText(T.gender, '2')).toBe('2');
    expect(codeForText(T.ethnicity, '汉族')).toBe('01');
    expect(codeForText(T.ethnicity, '汉')).toBe('01');
    expect(codeForText(T.ethnicity, '维吾尔')).toBe('05');
    expect(codeForText(T.politicalStatus, '共青团员')).toBe('03');
    expect(codeForText(T.politicalStatus, '团员')).toBe('03');
    expect(codeForText(T.politicalStatus, '党员')).toBe('01');
    expect(codeForText(T.education, '本科')).toBe('31');
    expect(codeForText(T.education, '大学本科')).toBe('31');
    expect(codeForText(T.education, '硕士研究生')).toBe('11');
    expect(codeForText(T.education, '专科（高职）')).toBe('41');
    expect(codeForText(T.education, '专科(高职)')).toBe('41');
    expect(codeForText(T.education, '大专')).toBe('41');
    expect(codeForText(T.trainingMode, '非定向')).toBe('1');
  });

  it('puts back the leading zero a spreadsheet drops from a code (3 → 03)', () => {
    expect(codeForText(T.politicalStatus, '3')).toBe('03');
    expect(codeForText(T.politicalStatus, 3)).toBe('03');
    expect(codeForText(T.ethnicity, '１')).toBe('01');
  });

  it('does not guess: unknown text stays unknown', () => {
    expect(codeForText(T.gender, '未知')).toBeUndefined();
    expect(codeForText(T.education, '小学')).toBeUndefined();
    expect(codeForText(T.gender, '12')).toBeUndefined();
  });

  it('every label, code and alias of every built-in table reads back as its code', () => {
    for (const table of Object.values(T)) {
      const walk = (items: typeof table.items): void => {
        for (const item of items) {
          expect(codeForText(table, item.code)).toBe(item.code);
          expect(codeForText(table, ` ${item.label} `)).toBe(item.code);
          if (item.children) walk(item.children);
        }
      };
      walk(table.items);
      for (const [alias, code] of Object.entries(table.aliases ?? {})) {
        expect(codeForText(table, alias), `${table.key} ${alias}`).toBe(code);
        expect(
          table.items.some((i) => i.code === code),
          `${table.key} alias ${alias} → ${code} names a real code`,
        ).toBe(true);
      }
    }
  });

  it('lists the labels a registrar may type', () => {
    expect(acceptedLabels(T.gender)).toBe('男、女');
    expect(acceptedLabels(T.education)).toContain('专科（高职）');
  });
});

describe('region names', () => {
  const one = (text: string) => regionCodesForName(text);

  it('reads a district written in full, without the province, with spaces, or without suffixes', () => {
    for (const text of [
      '江苏省南京市玄武区',
      '南京市玄武区',
      '江苏 南京 玄武区',
      '江苏南京玄武区',
      '江苏省 南京市 玄武区',
      '江苏南京玄武',
      '江苏省玄武区',
    ]) {
      expect(one(text), text).toEqual(['320102']);
    }
  });

  it('walks through the placeholder level of municipalities (北京市海淀区)', () => {
    expect(one('北京市海淀区')).toEqual(['110108']);
    expect(one('北京海淀区')).toEqual(['110108']);
    expect(one('海淀区')).toEqual(['110108']);
  });

  it('gives every candidate for a name several regions share', () => {
    const codes = one('鼓楼区');
    expect(codes.length).toBeGreaterThan(1);
    expect(codes).toContain('320106');
    expect(codes.map(regionFullName)).toContain('江苏省南京市鼓楼区');
    expect(one('南京市鼓楼区')).toEqual(['320106']);
  });

  it('does not pick for the user: 海南 is the province and a district of 乌海, so it is an ambiguity, never silently the district', () => {
    const field = { key: 'r', type: 'region', label: '生源所在地' } as const;
    expect(one('海南')).toEqual(expect.arrayContaining(['460000', '150303']));
    expect(normalizeValue(field, '海南', null).error?.message).toContain('有多个同名地区');
  });

  it('finds nothing for a place that is not a region', () => {
    expect(one('火星市奥林匹斯区')).toEqual([]);
    expect(one('')).toEqual([]);
  });

  it('reads the full name of every district back as its code', () => {
    // every district the cascader offers, by the name the product prints for it
    const samples = ['440305', '310104', '500101', '650102', '441900', '110101'];
    for (const code of samples) expect(one(regionFullName(code)), regionFullName(code)).toContain(code);
  });
});

describe('dates as typed', () => {
  it('reads the usual spellings as YYYY-MM-DD', () => {
    for (const text of [
      '2005-03-14',
      '2005/3/14',
      '2005/03/14',
      '2005.03.14',
      '2005.3.14',
      '20050314',
      '2005年3月14日',
      '2005年03月14',
      '２００５－０３－１４',
      ' 2005/3/14 0:00:00 ',
    ]) {
      expect(normalizeDate(text), text).toBe('2005-03-14');
    }
  });

  it('leaves what is not a real date as it was, for the date check to refuse', () => {
    for (const text of ['2005-02-30', '2005/13/1', '14/3/2005', '2005', 'abc', '20050230']) expect(normalizeDate(text)).toBe(text);
  });

  it('any real date in any of the spellings reads back as itself', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1950-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const iso = d.toISOString().slice(0, 10);
        const [y, m, day] = iso.split('-');
        for (const text of [
          iso,
          `${y}/${Number(m)}/${Number(day)}`,
          `${y}.${m}.${day}`,
          `${y}${m}${day}`,
          `${y}年${Number(m)}月${Number(day)}日`,
        ]) {
          const out = normalizeDate(text);
          expect(isCalendarDate(out)).toBe(true);
          expect(out).toBe(iso);
        }
      }),
    );
  });
});

describe('ID numbers and phones as typed', () => {
  it('ID number: small x, full-width digits and spaces', () => {
    expect(normalizeIdText(' 32050820050412295x ')).toBe('32050820050412295X');
    expect(normalizeIdText('３２０５０８ 2005 0412 295Ｘ')).toBe('32050820050412295X');
    expect(normalizeIdText("'32050820050412295X")).toBe('32050820050412295X');
  });

  it('phone: spaces, dashes, +86 / 0086 / 86 and full-width digits', () => {
    for (const text of [
      '13812345678',
      '138 1234 5678',
      '138-1234-5678',
      '+86 138 1234 5678',
      '+86-13812345678',
      '008613812345678',
      '８６１３８１２３４５６７８',
      '(+86)138.1234.5678',
    ]) {
      expect(normalizePhone(text), text).toBe('13812345678');
    }
    expect(normalizePhone(13812345678)).toBe('13812345678');
    expect(normalizePhone("'13812345678")).toBe('13812345678');
    expect(normalizePhone('025-8888 1234')).toBe('025-8888 1234');
  });

  it('a mobile number with any separators between its digits reads as the bare number', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^1[3-9]\d{9}$/),
        fc.array(fc.constantFrom(' ', '-', ''), { minLength: 11, maxLength: 11 }),
        (mobile, seps) => {
          const typed = Array.from(mobile)
            .map((d, i) => d + seps[i]!)
            .join('');
          expect(normalizePhone(`+86 ${typed}`)).toBe(mobile);
        },
      ),
    );
  });
});

describe('normalising twice changes nothing (a stored value is read back as itself)', () => {
  it('holds for dates, phones, ID numbers and codes on any text', () => {
    const typed = fc.oneof(fc.string(), fc.stringMatching(/^[0-9０-９xX\s+\-/.年月日]{0,20}$/));
    fc.assert(
      fc.property(typed, (text) => {
        for (const f of [normalizeDate, normalizePhone, normalizeIdText]) {
          const once = f(text);
          expect(f(once)).toBe(once);
        }
        const code = codeForText(T.education, text);
        if (code !== undefined) expect(codeForText(T.education, code)).toBe(code);
      }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { normalizeValue } from './normalize';
import { isValidRegion, regionChildren, regionChoices, regionFullName, regionName, regionPath } from './regions';

describe('administrative regions (GB/T 2260)', () => {
  it('accepts a district code as 生源所在地', () => {
    expect(isValidRegion('110108')).toBe(true);
    expect(regionName('110108')).toBe('海淀区');
    expect(regionPath('110108')).toEqual(['北京市', '市辖区', '海淀区']);
    expect(regionFullName('110108')).toBe('北京市海淀区');
  });

  it('normalises provinces and cities to 6 digits', () => {
    expect(regionName('110000')).toBe('北京市');
    expect(regionName('440300')).toBe('深圳市');
    expect(regionName('11')).toBeNull();
  });

  it('refuses a city-only code when a district is required, but accepts it at city level', () => {
    expect(isValidRegion('440300', 'district')).toBe(false);
    expect(isValidRegion('440300', 'city')).toBe(true);
    expect(isValidRegion('440000', 'city')).toBe(false);
    expect(isValidRegion('440000', 'province')).toBe(true);
  });

  it('accepts 东莞、中山、儋州 as districts: cities without counties are leaves', () => {
    for (const code of ['441900', '442000', '460400']) {
      expect(isValidRegion(code, 'district')).toBe(true);
      expect(regionChildren(code)).toEqual([]);
    }
    expect(regionFullName('441900')).toBe('广东省东莞市');
  });

  it('refuses unknown codes and non-strings', () => {
    for (const bad of ['999999', '110199', '1101080', '', null, 110108, '__proto__']) expect(isValidRegion(bad)).toBe(false);
  });

  it('lists cascader options from provinces down', () => {
    const provinces = regionChildren(null);
    expect(provinces).toHaveLength(34);
    expect(provinces[0]).toEqual({ code: '110000', name: '北京市', leaf: false });
    expect(provinces.find((p) => p.code === '810000')).toEqual({ code: '810000', name: '香港特别行政区', leaf: true });
    const gd = regionChildren('440000');
    expect(gd.find((c) => c.code === '441900')).toEqual({ code: '441900', name: '东莞市', leaf: true });
    expect(regionChildren('110100').some((d) => d.code === '110108')).toBe(true);
    expect(regionChildren('nope')).toEqual([]);
  });

  it('lists for a template dropdown every region a field accepts, each full name leading back to its own code', () => {
    // (city level is left out: a municipality's city is the placeholder 市辖区, which no name reaches)
    for (const level of ['district', 'province'] as const) {
      const choices = regionChoices(level);
      expect(
        choices.every((c) => isValidRegion(c.code, level)),
        level,
      ).toBe(true);
      const field = { key: 'r', type: 'region', label: '地区', regionLevel: level } as const;
      const wrong = choices.filter((c) => {
        const read = normalizeValue(field, c.fullName, null);
        return read.error || read.value !== c.code;
      });
      expect(wrong, level).toEqual([]);
    }
    const districts = regionChoices('district');
    expect(districts.length).toBeGreaterThan(2800);
    expect(districts).toContainEqual({ code: '320102', fullName: '江苏省南京市玄武区' });
    expect(districts).toContainEqual({ code: '441900', fullName: '广东省东莞市' });
    expect(districts).toContainEqual({ code: '710000', fullName: '台湾省' });
    expect(districts.some((c) => c.code === '320100')).toBe(false);
    expect(regionChoices('province').map((c) => c.code)).toContain('320000');
  });
});

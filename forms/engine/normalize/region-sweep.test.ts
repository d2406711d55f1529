import { describe, expect, it } from 'vitest';
import { regionChildren, regionFullName, regionNode } from '../regions';
import { regionCodesForName } from './region-names';

function allCodes(): string[] {
  const out: string[] = [];
  const go = (code: string | null) => {
    for (const option of regionChildren(code)) {
      out.push(option.code);
      if (!option.leaf) go(option.code);
    }
  };
  go(null);
  return out;
}

describe('region names: every region of the table', () => {
  const leaves = allCodes().filter((code) => regionNode(code)!.children.length === 0);

  it('the full name the product prints for every district (and city without districts) reads back as exactly that region', () => {
    const wrong = leaves.filter((code) => {
      const found = regionCodesForName(regionFullName(code));
      return found.length !== 1 || found[0] !== code;
    });
    expect(wrong.map((c) => `${c} ${regionFullName(c)} → ${regionCodesForName(regionFullName(c)).join(',')}`)).toEqual([]);
  });

  it('the full name with spaces between its parts, or without the province, still includes that region', () => {
    for (const code of leaves) {
      const path = [];
      let node = regionNode(code);
      while (node) {
        if (!['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划'].includes(node.name)) path.unshift(node.name);
        node = node.parent ? regionNode(node.parent) : undefined;
      }
      expect(regionCodesForName(path.join(' ')), path.join(' ')).toContain(code);
      if (path.length === 3) expect(regionCodesForName(path.slice(1).join('')), path.join('')).toContain(code);
    }
  });
});

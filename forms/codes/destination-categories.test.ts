import { describe, expect, it } from 'vitest';
import { BUILTIN_CODE_TABLES } from './index';
import { DESTINATION_CATEGORIES, destinationCategoryOf } from './destination-categories';

describe('毕业去向 categories of the employment statistics', () => {
  it('puts every code of the national table in exactly one category, and no other code', () => {
    const codes = BUILTIN_CODE_TABLES.destination.items.map((i) => i.code).sort();
    const classified = DESTINATION_CATEGORIES.flatMap((c) => c.codes).sort();
    expect(classified).toEqual(codes);
  });

  it('counts 待就业, 不就业拟升学 and 其他暂不就业 as not placed, every other code as 落实', () => {
    const notPlaced = BUILTIN_CODE_TABLES.destination.items.filter((i) => !destinationCategoryOf(i.code)?.placed).map((i) => i.code);
    expect(notPlaced.sort()).toEqual(['70', '71', '72']);
    expect(destinationCategoryOf('10')).toMatchObject({ key: 'contract', label: '协议和合同就业', placed: true });
    expect(destinationCategoryOf('80')).toMatchObject({ key: 'study', placed: true });
    expect(destinationCategoryOf('99')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { objectInside, propertiesOf, typeWords } from './schema-summary';

describe('a schema in a few words, for the API reference page', () => {
  it('names types, bounds, options, nulls and references', () => {
    expect(typeWords({ type: 'integer', minimum: 0 })).toBe('整数（≥ 0）');
    expect(typeWords({ type: ['string', 'null'] })).toBe('文字（可为空）');
    expect(typeWords({ anyOf: [{ type: 'string' }, { type: 'null' }] })).toBe('文字（可为空）');
    expect(typeWords({ type: 'array', items: { $ref: '#/components/schemas/AgreementData' } })).toBe('数组，元素：AgreementData');
    expect(typeWords({ enum: ['a', 'b'] })).toBe('取值：a、b');
    expect(typeWords({})).toBe('任意');
  });

  it("lists an object's properties with the required ones marked", () => {
    expect(propertiesOf({ type: 'object', properties: { a: { type: 'string' }, b: { type: 'number' } }, required: ['b'] })).toEqual([
      { name: 'a', schema: { type: 'string' }, required: false },
      { name: 'b', schema: { type: 'number' }, required: true },
    ]);
  });

  it('finds the fields to list inside arrays and nullable objects', () => {
    const row = { type: 'object', properties: { a: { type: 'string' } } };
    expect(objectInside({ type: 'array', items: row })).toBe(row);
    expect(objectInside({ anyOf: [row, { type: 'null' }] })).toBe(row);
    expect(objectInside({ type: 'string' })).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { applyMappings } from './mappings';
import { agreementDefinition } from './test/fixtures';
import type { FormDefinition } from './types';

const dispatch: FormDefinition = {
  ...agreementDefinition(),
  mappings: [{ from: 'agreement', fields: { unitName: 'employerName', creditCode: 'employerCode', contacts: 'people', nope: 'x' } }],
};

describe('mappings', () => {
  it('prefills a dispatch report from the agreement', () => {
    const source = JSON.parse(
      '{"employerName": "测试公司", "employerCode": "91350100M000100Y43", "people": [{"contactName": "王", "__proto__": {"x": 1}}], "other": 1}',
    );
    const values = applyMappings(dispatch, 'agreement', source);
    expect(values).toEqual({ unitName: '测试公司', creditCode: '91350100M000100Y43', contacts: [{ contactName: '王' }] });
    expect(Object.keys((values.contacts as object[])[0]!)).toEqual(['contactName']);
  });

  it('gives nothing for an unknown source form or odd input', () => {
    expect(applyMappings(dispatch, 'termination', { employerName: 'x' })).toEqual({});
    expect(applyMappings(dispatch, 'agreement', null)).toEqual({});
    expect(applyMappings(dispatch, 'agreement', ['x'])).toEqual({});
  });

  it('skips source values that are missing or objects', () => {
    expect(applyMappings(dispatch, 'agreement', { employerName: null, employerCode: { a: 1 } })).toEqual({});
  });
});

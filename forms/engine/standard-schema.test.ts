import { describe, expect, it } from 'vitest';
import { toStandardSchema, pathSegments } from './standard-schema';
import { agreementDefinition, TODAY, validInvitation } from './test/fixtures';

describe('Standard Schema adapter', () => {
  const schema = toStandardSchema(agreementDefinition(), { role: 'employer', step: 'invite', today: TODAY });

  it('declares version 1 and the vendor', () => {
    expect(schema['~standard'].version).toBe(1);
    expect(schema['~standard'].vendor).toBe('wangqian');
  });

  it('returns cleaned values on success', () => {
    const result = schema['~standard'].validate(validInvitation());
    expect(result).toEqual({ value: expect.objectContaining({ salary: 12000.5, annualPay: 144006 }) });
  });

  it('returns issues with split paths, numeric indexes as numbers', () => {
    const result = schema['~standard'].validate({ ...validInvitation(), contacts: [{ contactName: '王' }] });
    expect(result).toEqual({ issues: [{ message: '请填写联系电话', path: ['contacts', 0, 'contactPhone'] }] });
  });

  it('splits paths', () => {
    expect(pathSegments('')).toEqual([]);
    expect(pathSegments('a.10.b')).toEqual(['a', 10, 'b']);
  });
});

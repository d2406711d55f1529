import { describe, expect, it } from 'vitest';
import { withPrefill } from './schoolProfile';

describe('a record opens with the server’s prefill', () => {
  it('fills the fields the server offers and keeps everything else as the record has it', () => {
    const data = { name: '沈知远', schoolContact: '刘老师', schoolPostcode: '' };
    const prefill = { schoolAuthority: '江苏示范大学学生就业指导中心', schoolPostcode: '210096' };
    expect(withPrefill({ data, prefill })).toEqual({
      name: '沈知远',
      schoolContact: '刘老师',
      schoolAuthority: '江苏示范大学学生就业指导中心',
      schoolPostcode: '210096',
    });
  });

  it('is the record’s data itself when nothing is offered (older servers send no prefill)', () => {
    const data = { name: '沈知远' };
    expect(withPrefill({ data })).toBe(data);
    expect(withPrefill({ data, prefill: {} })).toBe(data);
  });
});

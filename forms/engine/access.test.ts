import { describe, expect, it } from 'vitest';
import { fieldAccess, valuesVisibleTo } from './access';
import { agreementDefinition } from './test/fixtures';

const def = agreementDefinition();

describe('field access', () => {
  it('the section decides per workflow step; other steps fall back to the definition', () => {
    expect(fieldAccess(def, 'name', 'student', 'student')).toBe('edit');
    expect(fieldAccess(def, 'name', 'employer', 'student')).toBe('read');
    expect(fieldAccess(def, 'name', 'student', 'invite')).toBe('read');
    expect(fieldAccess(def, 'name', 'province', 'invite')).toBe('hidden');
  });

  it('a field map overrides its section; "*" covers unlisted steps', () => {
    expect(fieldAccess(def, 'schoolNote', 'school', 'review')).toBe('edit');
    expect(fieldAccess(def, 'schoolNote', 'college', 'review')).toBe('hidden');
    expect(fieldAccess(def, 'schoolNote', 'school', 'student')).toBe('read');
    expect(fieldAccess(def, 'schoolNote', 'student', 'student')).toBe('hidden');
  });

  it('a section entry that lists the step but not the role hides the field', () => {
    expect(fieldAccess(def, 'abroadCountry', 'employer', 'student')).toBe('hidden');
  });

  it('computed fields are read-only; group sub-fields follow their group', () => {
    expect(fieldAccess(def, 'annualPay', 'employer', 'invite')).toBe('read');
    expect(fieldAccess(def, 'contactName', 'employer', 'invite')).toBe('edit');
    expect(fieldAccess(def, 'contactLabel', 'employer', 'invite')).toBe('read');
    expect(fieldAccess(def, 'nope', 'admin', 'invite')).toBe('hidden');
  });

  it('values hidden from a role are left out of what it is shown', () => {
    const shown = valuesVisibleTo(def, { name: '张三', schoolNote: '内部', contactName: '王' }, 'student', 'student');
    expect(shown).toEqual({ name: '张三' });
  });
});

describe('defaults', () => {
  it('collects declared defaults for a new record', async () => {
    const { defaultValues } = await import('./fields');
    const withDefault = agreementDefinition();
    withDefault.steps[1]!.sections[0]!.rows[4]![0]!.default = '0';
    expect(defaultValues(withDefault)).toEqual({ hasProbation: '0' });
  });
});

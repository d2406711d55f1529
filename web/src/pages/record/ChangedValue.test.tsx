import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { findField, type FormDefinition } from '../../form-renderer/engine';
import { ChangedValue } from './ChangedValue';

const definition: FormDefinition = {
  key: 'agreement',
  title: '就业协议书',
  schemaVersion: 1,
  workflow: [{ key: 'fill', label: '填写' }],
  steps: [{ key: 'p', label: '页', sections: [{ key: 's', label: '分节', rows: [[{ key: 'salary', type: 'text', label: '月薪' }]] }] }],
};

const shown = (field: string, value: unknown) =>
  render(<ChangedValue definition={definition} field={findField(definition, field)} value={value} />).container.textContent;

describe('a changed value reads the same in 变更 and in the employer’s changed terms', () => {
  it('a field of the form is read as the form shows it', () => {
    expect(shown('salary', '8000')).toBe('8000');
  });

  it('a field the form no longer has shows its stored value as text, and an empty one as —', () => {
    expect(shown('gone', 'A')).toBe('A');
    expect(shown('gone', null)).toBe('—');
    expect(shown('gone', undefined)).toBe('—');
    expect(shown('gone', { city: '南京' })).toBe('{"city":"南京"}');
  });
});

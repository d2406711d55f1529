import { describe, expect, it } from 'vitest';
import agreement from '../agreement.json';
import source from '../source.json';
import { formJsonSchema } from './json-schema';
import { yesNoTable } from './test/fixtures';
import type { FormDefinition } from './types';

const def = (fields: unknown[]): FormDefinition => ({
  key: 't',
  title: '测试',
  schemaVersion: 1,
  workflow: [{ key: 'edit', label: '填写' }],
  codeTables: [yesNoTable('yn')],
  steps: [
    {
      key: 's',
      label: '页',
      sections: [{ key: 'a', label: '节', rows: [fields as FormDefinition['steps'][0]['sections'][0]['rows'][0]] }],
    },
  ],
});

describe('a form definition as JSON Schema', () => {
  it('gives each field its type, bounds, options and whether a complete record needs it', () => {
    const schema = formJsonSchema(
      def([
        { key: 'name', type: 'text', label: '姓名', required: true, maxLength: 30 },
        { key: 'salary', type: 'number', label: '月薪', min: 0 },
        { key: 'married', type: 'radio', label: '婚否', codeTable: 'yn' },
        { key: 'photos', type: 'file', label: '照片', maxFiles: 2 },
        { key: 'reason', type: 'textarea', label: '原因', required: true, visibleWhen: { '==': [{ var: 'married' }, '1'] } },
        { key: 'rows', type: 'group', label: '经历', fields: [{ key: 'at', type: 'date', label: '日期', required: true }] },
      ]),
    );
    const p = schema.properties as Record<string, Record<string, unknown>>;
    expect(p.name).toMatchObject({ type: 'string', maxLength: 30, title: '姓名' });
    expect(p.salary).toMatchObject({ type: 'integer', minimum: 0 });
    expect(p.married).toMatchObject({ type: 'string', enum: ['1', '0'] });
    expect(p.photos).toMatchObject({ type: 'array', maxItems: 2 });
    expect(p.reason?.description).toContain('按条件显示');
    expect(p.rows).toMatchObject({
      type: 'array',
      items: { type: 'object', required: ['at'], properties: { at: { type: 'string', format: 'date' } } },
    });
    // a field shown only when a rule holds cannot be required by a schema
    expect(schema.required).toEqual(['name']);
  });

  it('describes answers by type only: values may be null, masked or from an older version', () => {
    const schema = formJsonSchema(def([{ key: 'name', type: 'text', label: '姓名', required: true, maxLength: 30 }]), { mode: 'read' });
    expect(schema.required).toBeUndefined();
    expect((schema.properties as Record<string, unknown>).name).toEqual({ title: '姓名', type: ['string', 'null'] });
  });

  it('converts every shipped form', () => {
    for (const form of [source, agreement] as unknown as FormDefinition[]) {
      const schema = formJsonSchema(form);
      expect(Object.keys(schema.properties as object).length).toBeGreaterThan(5);
      expect(JSON.stringify(schema)).not.toContain('undefined');
    }
  });
});

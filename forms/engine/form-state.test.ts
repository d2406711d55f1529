import { describe, expect, it } from 'vitest';
import { evaluateForm } from './form-state';
import { agreementDefinition, TODAY } from './test/fixtures';
import type { FormDefinition } from './types';

describe('form state for rendering', () => {
  const def = agreementDefinition();

  it('lists hidden and currently required fields, with computed values', () => {
    const view = evaluateForm(def, { destination: '80', salary: '10000', hasProbation: '0' }, { today: TODAY });
    expect(view.hidden).toEqual(expect.arrayContaining(['abroadCountry', 'probationMonths']));
    expect(view.hidden).not.toContain('furtherSchool');
    expect(view.required).toContain('furtherSchool');
    expect(view.required).not.toContain('probationMonths');
    expect(view.values.annualPay).toBe(120000);
  });

  it('hiding cascades: a field shown only when a hidden field is set is hidden too', () => {
    const cascade: FormDefinition = {
      key: 'cascade',
      title: '级联',
      schemaVersion: 1,
      workflow: [{ key: 'fill', label: '填写' }],
      access: { '*': { edit: ['student'] } },
      steps: [
        {
          key: 'p',
          label: '页',
          sections: [
            {
              key: 's',
              label: '节',
              rows: [
                [
                  { key: 'a', type: 'text', label: 'A' },
                  { key: 'b', type: 'text', label: 'B', visibleWhen: { '==': [{ var: 'a' }, 'show'] } },
                  { key: 'c', type: 'text', label: 'C', visibleWhen: { '==': [{ var: 'b' }, 'show'] } },
                  { key: 'd', type: 'text', label: 'D', computed: { concat: [{ var: 'b' }, '!'] } },
                ],
              ],
            },
          ],
        },
      ],
    };
    const view = evaluateForm(cascade, { a: 'hide', b: 'show', c: 'kept?' });
    expect(view.hidden.sort()).toEqual(['b', 'c']);
    expect(view.values).toEqual({ a: 'hide', d: '!' });
    expect(evaluateForm(cascade, { a: 'show', b: 'show', c: 'x' }).values).toEqual({ a: 'show', b: 'show', c: 'x', d: 'show!' });
  });
});

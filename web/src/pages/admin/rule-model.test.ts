/**
 * The structured rule editor: what an admin picks (field, operator, value; and/or) becomes the
 * engine's rule tree with the meaning the admin intended, and an existing rule opens in the same
 * picks — or, when it does not fit, is left to the JSON view rather than shown wrongly.
 */
import { describe, expect, it } from 'vitest';
import { checkRule, ruleHolds } from '../../../../forms/engine/rules';
import type { FieldDef } from '../../../../forms/engine/types';
import { fromRule, toRule, type SimpleRule } from './rule-model';

const fields = new Map<string, FieldDef>([
  ['destination', { key: 'destination', type: 'select', label: '毕业去向', codeTable: 'destination' }],
  ['monthlySalary', { key: 'monthlySalary', type: 'number', label: '月薪' }],
  ['remarks', { key: 'remarks', type: 'text', label: '备注' }],
]);

const holds = (simple: SimpleRule, values: Record<string, unknown>) => ruleHolds(toRule(simple, fields), { values });

describe('rules built from picks', () => {
  it('"毕业去向 = 就业" shows the field only for that choice', () => {
    const simple: SimpleRule = { join: 'and', conditions: [{ field: 'destination', op: '==', value: '10' }] };
    expect(checkRule(toRule(simple, fields))).toEqual([]);
    expect(holds(simple, { destination: '10' })).toBe(true);
    expect(holds(simple, { destination: '46' })).toBe(false);
  });

  it('a number field compares as a number, not as text ("9000" < "12000" would be false as text)', () => {
    const simple: SimpleRule = { join: 'and', conditions: [{ field: 'monthlySalary', op: '<', value: '12000' }] };
    expect(toRule(simple, fields)).toEqual({ '<': [{ var: 'monthlySalary' }, 12000] });
    expect(holds(simple, { monthlySalary: 9000 })).toBe(true);
    expect(holds(simple, { monthlySalary: 15000 })).toBe(false);
  });

  it('"is one of" takes a comma list (either comma), "is empty" / "is not empty" need no value', () => {
    const oneOf: SimpleRule = { join: 'and', conditions: [{ field: 'destination', op: 'in', value: '10， 11,12' }] };
    expect(holds(oneOf, { destination: '11' })).toBe(true);
    expect(holds(oneOf, { destination: '46' })).toBe(false);
    const empty: SimpleRule = { join: 'and', conditions: [{ field: 'remarks', op: 'empty', value: '' }] };
    expect(holds(empty, { remarks: '' })).toBe(true);
    expect(holds({ join: 'and', conditions: [{ field: 'remarks', op: 'notEmpty', value: '' }] }, { remarks: '有' })).toBe(true);
  });

  it('and / or join several conditions; unpicked rows are ignored; no condition means no rule', () => {
    const both: SimpleRule = { join: 'and', conditions: [
      { field: 'destination', op: '==', value: '10' }, { field: 'monthlySalary', op: '>=', value: '5000' }, { field: '', op: '==', value: 'x' },
    ] };
    expect(holds(both, { destination: '10', monthlySalary: 6000 })).toBe(true);
    expect(holds(both, { destination: '10', monthlySalary: 3000 })).toBe(false);
    expect(holds({ ...both, join: 'or' }, { destination: '46', monthlySalary: 6000 })).toBe(true);
    expect(toRule({ join: 'and', conditions: [] }, fields)).toBeUndefined();
  });
});

describe('existing rules open in the editor', () => {
  it('every rule the editor builds opens as the same picks', () => {
    const simple: SimpleRule = { join: 'or', conditions: [
      { field: 'destination', op: '!=', value: '46' }, { field: 'monthlySalary', op: '>', value: '3000' },
      { field: 'destination', op: 'in', value: '10,11' }, { field: 'remarks', op: 'empty', value: '' }, { field: 'remarks', op: 'notEmpty', value: '' },
    ] };
    expect(fromRule(toRule(simple, fields))).toEqual(simple);
  });

  it('a rule the picks cannot express (arithmetic, nested groups) is left to the JSON view', () => {
    expect(fromRule({ '>': [{ '+': [{ var: 'a' }, 1] }, 2] })).toBeNull();
    expect(fromRule({ and: [{ or: [{ '==': [{ var: 'a' }, 1] }] }] })).toBeNull();
    expect(fromRule(undefined)).toEqual({ join: 'and', conditions: [] });
  });
});

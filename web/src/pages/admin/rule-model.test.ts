/**
 * The structured rule editor: what an admin picks (field, operator, value; and/or; formulas)
 * becomes the engine's rule tree with the meaning the admin intended, and an existing rule opens in
 * the same picks — or, when it does not fit, is left to the JSON view rather than shown wrongly.
 */
import { describe, expect, it } from 'vitest';
import { checkRule, evaluateRule, ruleHolds } from '../../../../forms/engine/rules';
import type { FieldDef } from '../../../../forms/engine/types';
import agreement from '../../../../forms/agreement.json';
import dispatch from '../../../../forms/dispatch.json';
import employer from '../../../../forms/employer.json';
import source from '../../../../forms/source.json';
import termination from '../../../../forms/termination.json';
import { condFromRule, condToRule, exprFromRule, exprToRule, newTest, type Cond, type Expr, type Operator } from './rule-model';

const fields = new Map<string, FieldDef>([
  ['destination', { key: 'destination', type: 'select', label: '毕业去向', codeTable: 'destination' }],
  ['monthlySalary', { key: 'monthlySalary', type: 'number', label: '月薪' }],
  ['penalty', { key: 'penalty', type: 'number', label: '违约金' }],
  ['remarks', { key: 'remarks', type: 'text', label: '备注' }],
  ['startDate', { key: 'startDate', type: 'date', label: '开始日期' }],
  ['endDate', { key: 'endDate', type: 'date', label: '结束日期' }],
]);

const field = (key: string): Expr => ({ kind: 'field', key });
const num = (text: string): Expr => ({ kind: 'number', text });
const text = (t: string): Expr => ({ kind: 'text', text: t });
const test = (left: Expr, op: Operator, right: Expr = text(''), list = ''): Cond => ({ kind: 'test', op, left, right, list });
const all = (...items: Cond[]): Cond => ({ kind: 'group', join: 'and', items });
const any = (...items: Cond[]): Cond => ({ kind: 'group', join: 'or', items });

const holds = (c: Cond, values: Record<string, unknown>) => ruleHolds(condToRule(c, fields), { values, today: '2027-06-01' });
const value = (e: Expr, values: Record<string, unknown>) => evaluateRule(exprToRule(e, fields), { values, today: '2027-06-01' });

describe('conditions built from picks', () => {
  it('"毕业去向 = 就业" shows the field only for that choice', () => {
    const c = all(test(field('destination'), '==', text('10')));
    expect(checkRule(condToRule(c, fields))).toEqual([]);
    expect(holds(c, { destination: '10' })).toBe(true);
    expect(holds(c, { destination: '46' })).toBe(false);
  });

  it('a number field compares as a number, not as text ("9000" < "12000" would be false as text)', () => {
    const c = all(test(field('monthlySalary'), '<', text('12000')));
    expect(condToRule(c, fields)).toEqual({ '<': [{ var: 'monthlySalary' }, 12000] });
    expect(holds(c, { monthlySalary: 9000 })).toBe(true);
    expect(holds(c, { monthlySalary: 15000 })).toBe(false);
  });

  it('"is one of" takes a comma list (either comma), "is empty" / "is not empty" need no value', () => {
    const oneOf = all(test(field('destination'), 'in', text(''), '10， 11,12'));
    expect(holds(oneOf, { destination: '11' })).toBe(true);
    expect(holds(oneOf, { destination: '46' })).toBe(false);
    expect(holds(all(test(field('remarks'), 'empty')), { remarks: '' })).toBe(true);
    expect(holds(all(test(field('remarks'), 'notEmpty')), { remarks: '有' })).toBe(true);
  });

  it('and / or join several conditions; unpicked rows are ignored; no condition means no rule', () => {
    const both = all(test(field('destination'), '==', text('10')), test(field('monthlySalary'), '>=', num('5000')), newTest());
    expect(holds(both, { destination: '10', monthlySalary: 6000 })).toBe(true);
    expect(holds(both, { destination: '10', monthlySalary: 3000 })).toBe(false);
    expect(holds({ ...both, join: 'or' } as Cond, { destination: '46', monthlySalary: 6000 })).toBe(true);
    expect(condToRule(all(), fields)).toBeUndefined();
    expect(condToRule(all(newTest()), fields)).toBeUndefined();
  });

  it('compares a field with another field, with today, or with a calculation ("结束日期晚于开始日期", "违约金不超过年薪")', () => {
    const later = all(test(field('endDate'), '>', field('startDate')));
    expect(holds(later, { startDate: '2027-07-01', endDate: '2030-06-30' })).toBe(true);
    expect(holds(later, { startDate: '2027-07-01', endDate: '2027-01-01' })).toBe(false);
    const notPast = all(test(field('endDate'), '>=', { kind: 'today' }));
    expect(holds(notPast, { endDate: '2027-06-01' })).toBe(true);
    expect(holds(notPast, { endDate: '2027-05-31' })).toBe(false);
    const capped = all(test(field('penalty'), '<=', { kind: 'op', op: '*', args: [field('monthlySalary'), num('12')] }));
    expect(holds(capped, { penalty: 5000, monthlySalary: 8000 })).toBe(true);
    expect(holds(capped, { penalty: 100000, monthlySalary: 8000 })).toBe(false);
  });

  it('nests groups: "填了两个日期时，结束晚于开始" is any-of(empty, empty, all-of(...))', () => {
    const c = any(test(field('startDate'), 'empty'), test(field('endDate'), 'empty'), all(test(field('endDate'), '>', field('startDate'))));
    expect(holds(c, { startDate: '', endDate: '2027-01-01' })).toBe(true);
    expect(holds(c, { startDate: '2027-07-01', endDate: '2027-01-01' })).toBe(false);
  });
});

describe('computed values built from picks', () => {
  it('年薪 = 月薪 × 12 recomputes from the month', () => {
    const annual: Expr = { kind: 'op', op: '*', args: [field('monthlySalary'), num('12')] };
    expect(exprToRule(annual, fields)).toEqual({ '*': [{ var: 'monthlySalary' }, 12] });
    expect(value(annual, { monthlySalary: 9000 })).toBe(108000);
  });

  it('"if … then … otherwise" picks a value by a condition, and days between two dates counts days', () => {
    const bonus: Expr = {
      kind: 'if',
      when: all(test(field('destination'), '==', text('10'))),
      then: num('1'),
      else: num('0'),
    };
    expect(value(bonus, { destination: '10' })).toBe(1);
    expect(value(bonus, { destination: '46' })).toBe(0);
    const length: Expr = {
      kind: 'op',
      op: '-',
      args: [
        { kind: 'days', arg: field('endDate') },
        { kind: 'days', arg: field('startDate') },
      ],
    };
    expect(value(length, { startDate: '2027-07-01', endDate: '2027-07-31' })).toBe(30);
  });

  it('joins texts and counts characters', () => {
    const label: Expr = {
      kind: 'op',
      op: 'concat',
      args: [field('remarks'), text('（'), { kind: 'len', arg: field('remarks') }, text(' 字）')],
    };
    expect(value(label, { remarks: '尽快办理' })).toBe('尽快办理（4 字）');
  });

  it('a formula with a number not filled in yet yields nothing rather than a wrong number', () => {
    expect(value({ kind: 'op', op: '*', args: [field('monthlySalary'), num('')] }, { monthlySalary: 9000 })).toBeNull();
  });
});

describe('existing rules open in the editor', () => {
  it('every condition the editor builds opens as the same picks', () => {
    const c = any(
      test(field('destination'), '!=', text('46')),
      test(field('monthlySalary'), '>', num('3000')),
      test(field('destination'), 'in', text(''), '10,11'),
      test(field('remarks'), 'empty'),
      test(field('remarks'), 'notEmpty'),
      all(
        test(field('endDate'), '>=', { kind: 'today' }),
        test(field('penalty'), '<=', { kind: 'op', op: '*', args: [field('monthlySalary'), num('12')] }),
      ),
    );
    expect(condFromRule(condToRule(c, fields))).toEqual(c);
  });

  it('every formula the editor builds opens as the same picks', () => {
    const f: Expr = {
      kind: 'op',
      op: '+',
      args: [
        { kind: 'op', op: '*', args: [field('monthlySalary'), num('12')] },
        { kind: 'if', when: all(test(field('remarks'), 'empty')), then: num('0'), else: { kind: 'len', arg: field('remarks') } },
        {
          kind: 'op',
          op: '-',
          args: [
            { kind: 'days', arg: { kind: 'today' } },
            { kind: 'days', arg: field('startDate') },
          ],
        },
      ],
    };
    expect(exprFromRule(exprToRule(f, fields))).toEqual(f);
  });

  it('every check, visible-when, required-when and computed rule of the shipped forms opens in the picks', () => {
    const unopened: string[] = [];
    for (const [key, definition] of Object.entries({ source, agreement, termination, dispatch, employer })) {
      const walk = (node: unknown, path: string): void => {
        if (Array.isArray(node)) {
          node.forEach((x, i) => walk(x, `${path}[${i}]`));
          return;
        }
        if (!node || typeof node !== 'object') return;
        for (const [prop, v] of Object.entries(node)) {
          const at = `${key}:${path}.${prop}`;
          if (prop === 'computed' && exprFromRule(v) === null) unopened.push(at);
          else if (['visibleWhen', 'requiredWhen', 'rule'].includes(prop) && condFromRule(v) === null) unopened.push(at);
          else walk(v, `${path}.${prop}`);
        }
      };
      walk(definition, '');
    }
    expect(unopened).toEqual([]);
  });

  it('a rule the picks cannot express is left to the JSON view', () => {
    expect(condFromRule({ '!': [{ and: [{ '==': [{ var: 'a' }, 1] }] }] })).toBeNull();
    expect(condFromRule({ var: 'agreed' })).toBeNull();
    expect(exprFromRule({ '==': [{ var: 'a' }, 1] })).toBeNull();
    expect(exprFromRule(null)).toBeNull();
    expect(condFromRule(undefined)).toEqual(all());
  });
});

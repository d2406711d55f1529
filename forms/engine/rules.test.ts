import { describe, expect, it } from 'vitest';
import {
  checkRule,
  evaluateRule,
  MAX_RULE_DEPTH,
  MAX_RULE_NODES,
  MAX_RULE_STRING,
  ruleNodeCount,
  ruleNodeVisits,
  ruleVarRefs,
  ruleVars,
} from './rules';

const scope = {
  values: { a: 5, b: '7', s: '北京', d1: '2025-01-01', d2: '2025-03-01', list: ['x', 'y'], empty: '', nothing: null, t: true },
  row: { name: '王', n: 2 },
  today: '2025-03-01',
};
const ev = (rule: unknown) => evaluateRule(rule, scope);

function nest(levels: number): unknown {
  let rule: unknown = true;
  for (let i = 0; i < levels - 1; i++) rule = { '!': [rule] };
  return rule;
}

describe('rule evaluator', () => {
  it('reads fields and group-row siblings', () => {
    expect(ev({ var: 'a' })).toBe(5);
    expect(ev({ var: ['a'] })).toBe(5);
    expect(ev({ var: '$row.name' })).toBe('王');
    expect(ev({ var: 'missing' })).toBeNull();
    expect(evaluateRule({ var: '$row.name' }, { values: {} })).toBeNull();
  });

  it('reads own properties only: prototype names are null', () => {
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', '$row.__proto__', '$row.constructor']) {
      expect(ev({ var: name })).toBeNull();
    }
    const parsed = JSON.parse('{"__proto__": {"polluted": 1}, "constructor": "x"}') as Record<string, unknown>;
    expect(evaluateRule({ var: '__proto__' }, { values: parsed })).toBeNull();
    expect(evaluateRule({ var: 'constructor' }, { values: parsed })).toBeNull();
  });

  it('compares strictly, except numbers with numeric strings', () => {
    expect(ev({ '==': [{ var: 'a' }, 5] })).toBe(true);
    expect(ev({ '==': [{ var: 'b' }, 7] })).toBe(true);
    expect(ev({ '==': [{ var: 'a' }, '5.0'] })).toBe(true);
    expect(ev({ '==': [{ var: 't' }, 1] })).toBe(false);
    expect(ev({ '==': [{ var: 'nothing' }, null] })).toBe(true);
    expect(ev({ '==': [{ var: 'missing' }, null] })).toBe(true);
    expect(ev({ '==': [{ var: 'empty' }, null] })).toBe(false);
    expect(ev({ '!=': [{ var: 's' }, '上海'] })).toBe(true);
  });

  it('orders numbers and date strings, and yields null on mismatched types', () => {
    expect(ev({ '<': [{ var: 'a' }, { var: 'b' }] })).toBe(true);
    expect(ev({ '<=': [5, 5] })).toBe(true);
    expect(ev({ '>': ['10', '9'] })).toBe(true);
    expect(ev({ '>=': [{ var: 'd2' }, { var: 'd1' }] })).toBe(true);
    expect(ev({ '<': [true, 1] })).toBeNull();
    expect(ev({ '<': [{ var: 'missing' }, 1] })).toBeNull();
  });

  it('combines with and / or / ! and short-circuits', () => {
    expect(ev({ and: [true, { var: 'a' }] })).toBe(true);
    expect(ev({ and: [true, { var: 'empty' }] })).toBe(false);
    expect(ev({ or: [false, { var: 'list' }] })).toBe(true);
    expect(ev({ or: [0, '', []] })).toBe(false);
    expect(ev({ '!': { var: 'empty' } })).toBe(true);
    expect(ev({ '!': [[]] })).toBe(true);
  });

  it('tests membership in array literals, field arrays and strings', () => {
    expect(ev({ in: ['80', ['80', '85']] })).toBe(true);
    expect(ev({ in: [80, ['80', '85']] })).toBe(true);
    expect(ev({ in: ['z', { var: 'list' }] })).toBe(false);
    expect(ev({ in: ['京', { var: 's' }] })).toBe(true);
    expect(ev({ in: ['x', 5] })).toBeNull();
  });

  it('branches with if', () => {
    expect(ev({ if: [{ var: 't' }, 'yes', 'no'] })).toBe('yes');
    expect(ev({ if: [{ var: 'missing' }, 'yes', 'no'] })).toBe('no');
  });

  it('does arithmetic on numbers and numeric strings only', () => {
    expect(ev({ '+': [{ var: 'a' }, { var: 'b' }, 1] })).toBe(13);
    expect(ev({ '-': [{ var: 'a' }, 2] })).toBe(3);
    expect(ev({ '-': [{ var: 'a' }] })).toBe(-5);
    expect(ev({ '*': [{ var: 'a' }, '2'] })).toBe(10);
    expect(ev({ '/': [{ var: 'a' }, 2] })).toBe(2.5);
    expect(ev({ '/': [{ var: 'a' }, 0] })).toBeNull();
    expect(ev({ '+': [{ var: 'a' }, 'abc'] })).toBeNull();
    expect(ev({ '+': [{ var: 'a' }, { var: 'missing' }] })).toBeNull();
    expect(ev({ '*': [1e308, 10] })).toBeNull();
    expect(ev({ min: [3, { var: 'a' }, '1'] })).toBe(1);
    expect(ev({ max: [3, { var: 'a' }] })).toBe(5);
  });

  it('tests emptiness, lengths (in characters) and concatenation', () => {
    expect(ev({ empty: { var: 'empty' } })).toBe(true);
    expect(ev({ empty: { var: 'missing' } })).toBe(true);
    expect(ev({ empty: [[]] })).toBe(true);
    expect(ev({ empty: { var: 'a' } })).toBe(false);
    expect(ev({ len: { var: 's' } })).toBe(2);
    expect(ev({ len: '𠮷a' })).toBe(2);
    expect(ev({ len: { var: 'list' } })).toBe(2);
    expect(ev({ len: { var: 'a' } })).toBeNull();
    expect(ev({ concat: [{ var: 's' }, '-', { var: 'a' }, { var: 'missing' }] })).toBe('北京-5');
    expect(ev({ concat: [{ var: 't' }] })).toBeNull();
  });

  it('knows today and counts days for date arithmetic', () => {
    expect(ev({ today: [] })).toBe('2025-03-01');
    expect(ev({ days: '1970-01-02' })).toBe(1);
    expect(ev({ '-': [{ days: { var: 'd2' } }, { days: { var: 'd1' } }] })).toBe(59);
    expect(ev({ days: '2025-02-30' })).toBeNull();
    expect(evaluateRule({ today: [] }, { values: {} })).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('returns null for unknown operators, wrong arity and malformed nodes, never throwing', () => {
    expect(ev({ eval: ['1+1'] })).toBeNull();
    expect(ev({ '==': [1] })).toBeNull();
    expect(ev({ '==': [1, 1], '!=': [1, 2] })).toBeNull();
    expect(ev({})).toBeNull();
    expect(ev(undefined)).toBeNull();
    expect(ev(Number.NaN)).toBeNull();
    expect(ev([1, { var: 'a' }])).toEqual([1, 5]);
  });

  it('stops evaluating past the depth and size limits', () => {
    expect(ev(nest(MAX_RULE_DEPTH))).toBe(MAX_RULE_DEPTH % 2 === 1);
    expect(ev(nest(MAX_RULE_DEPTH + 1))).toBeNull();
    expect(ev(nest(100_000))).toBeNull();
    const wide = { and: Array.from({ length: MAX_RULE_NODES + 5 }, () => true) };
    expect(ev(wide)).toBeNull();
  });
});

describe('rule structure check', () => {
  it('accepts a well-formed rule', () => {
    expect(checkRule({ and: [{ '==': [{ var: 'a' }, 1] }, { in: [{ var: '$row.b' }, ['x', 'y']] }, { today: [] }] })).toEqual([]);
    expect(checkRule(true)).toEqual([]);
  });

  it('reports unknown operators with their location', () => {
    expect(checkRule({ and: [true, { exec: ['x'] }] })).toEqual([{ path: 'and[1]', message: '未知的运算符「exec」' }]);
  });

  it('reports wrong arity', () => {
    expect(checkRule({ if: [true, 1] })[0]).toMatchObject({ path: '', message: expect.stringContaining('需要 3 个参数') });
    expect(checkRule({ today: null })[0]?.message).toContain('today');
  });

  it('reports a rule nested deeper than 12 levels', () => {
    expect(checkRule(nest(MAX_RULE_DEPTH))).toEqual([]);
    const issues = checkRule(nest(MAX_RULE_DEPTH + 1));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.message).toContain('嵌套过深');
  });

  it('reports a rule with more than 200 nodes', () => {
    const big = { and: Array.from({ length: MAX_RULE_NODES }, () => true) };
    expect(checkRule(big)).toEqual([{ path: '', message: `规则过大（${MAX_RULE_NODES + 1} 个节点，最多 ${MAX_RULE_NODES} 个）` }]);
  });

  it('reports malformed var references and prototype names', () => {
    expect(checkRule({ var: 1 })).toHaveLength(1);
    expect(checkRule({ var: '__proto__' })).toHaveLength(1);
    expect(checkRule({ var: 'a.b' })).toHaveLength(1);
    expect(checkRule({ '==': [{ var: '' }, 1] })[0]?.path).toBe('==[0]');
  });

  it('lists the fields a rule reads', () => {
    const rule = { and: [{ '==': [{ var: 'a' }, { var: 'b' }] }, { '!': { var: 'a' } }, { var: '$row.c' }] };
    expect(ruleVars(rule)).toEqual(['a', 'b', '$row.c']);
    expect(ruleVarRefs(rule).map((r) => r.path)).toEqual(['and[0].==[0]', 'and[0].==[1]', 'and[1].![0]', 'and[2]']);
  });

  it('counts code points with len, astral characters as one', () => {
    expect(evaluateRule({ len: { var: 'x' } }, { values: { x: '😀中a' } })).toBe(3);
  });

  it('a concat longer than MAX_RULE_STRING is null, so a chain of computed fields cannot double a string per link', () => {
    const half = 'x'.repeat(MAX_RULE_STRING / 2);
    expect(evaluateRule({ concat: [{ var: 'h' }, { var: 'h' }] }, { values: { h: half } })).toHaveLength(MAX_RULE_STRING);
    expect(evaluateRule({ concat: [{ var: 'h' }, { var: 'h' }, 'x'] }, { values: { h: half } })).toBeNull();
  });

  it('ruleNodeCount is the number of nodes the evaluator visits when nothing short-circuits', () => {
    const rules: unknown[] = [
      { and: [{ '==': [{ var: 'a' }, 5] }, { in: ['x', ['x', 'y', 'z']] }, { '<': [{ len: { var: 's' } }, 9] }] },
      { '+': [1, { '*': [2, { var: 'a' }] }, { '-': [{ var: 'a' }] }] },
      { concat: [{ var: 's' }, '·', { var: '$row.name' }] },
      { or: [false, null, { '!': { empty: { var: 'empty' } } }, { var: 't' }] },
      { '>=': [{ days: { var: 'd2' } }, { days: { today: [] } }] },
    ];
    for (const rule of rules) {
      const before = ruleNodeVisits();
      evaluateRule(rule, scope);
      expect(ruleNodeVisits() - before, JSON.stringify(rule)).toBe(ruleNodeCount(rule));
    }
    // a short-circuit visits fewer, never more
    const before = ruleNodeVisits();
    evaluateRule({ or: [true, { '==': [1, 1] }] }, scope);
    expect(ruleNodeVisits() - before).toBeLessThan(ruleNodeCount({ or: [true, { '==': [1, 1] }] }));
  });
});

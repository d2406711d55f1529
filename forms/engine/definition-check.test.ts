import { describe, expect, it } from 'vitest';
import { checkDefinition } from './definition-check';
import { agreementDefinition } from './test/fixtures';
import type { FieldDef, FormDefinition } from './types';

/** The fixture as loose JSON, so tests can break it in ways the types forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- loose JSON on purpose: the tests break the fixture in ways its type forbids
function def(): any {
  return JSON.parse(JSON.stringify(agreementDefinition()));
}
const NAME = 'steps[0].sections[0].rows[0][0]';
const FURTHER = 'steps[0].sections[0].rows[3][1]';
const CONTACTS = 'steps[1].sections[0].rows[5][0]';

function paths(d: unknown): string[] {
  return checkDefinition(d).map((e) => e.path);
}

describe('definition checker', () => {
  it('accepts the test definition', () => {
    expect(checkDefinition(agreementDefinition())).toEqual([]);
  });

  it('refuses something that is not an object', () => {
    for (const bad of [null, [], 'x', 1]) expect(paths(bad)).toEqual(['']);
  });

  it('reports a rule that reads a field that does not exist, at the exact operand', () => {
    const d = def();
    d.steps[0].sections[0].rows[3][1].visibleWhen = { '==': [{ var: 'destinaton' }, '80'] };
    expect(checkDefinition(d)).toEqual([{ path: `${FURTHER}.visibleWhen.==[0]`, message: '引用了不存在的字段「destinaton」' }]);
  });

  it('reports $row outside a group and a group sub-field read without $row', () => {
    const d = def();
    d.steps[0].sections[0].rows[0][0].requiredWhen = { var: '$row.contactName' };
    d.checks[0].rule = { empty: { var: 'contactName' } };
    expect(paths(d)).toEqual([`${NAME}.requiredWhen`, 'checks[0].rule.empty[0]']);
  });

  it('reports a computed cycle with its path', () => {
    const d = def();
    const row = d.steps[1].sections[0].rows[2];
    row[0].computed = { '/': [{ var: 'annualPay' }, 12] }; // salary ← annualPay ← salary
    const errors = checkDefinition(d);
    expect(errors).toEqual([
      { path: 'steps[1].sections[0].rows[2][0].computed', message: '计算字段循环依赖：salary → annualPay → salary' },
    ]);
  });

  it('reports a computed cycle inside a group row', () => {
    const d = def();
    const subs = d.steps[1].sections[0].rows[5][0].fields;
    subs.push({ key: 'loopA', type: 'text', label: 'A', computed: { var: '$row.loopB' } });
    subs.push({ key: 'loopB', type: 'text', label: 'B', computed: { var: '$row.loopA' } });
    expect(paths(d)).toEqual([`${CONTACTS}.fields[5].computed`]);
  });

  it('reports an oversized or too deep rule tree', () => {
    const d = def();
    d.steps[0].sections[0].rows[3][1].visibleWhen = { or: Array.from({ length: 250 }, () => ({ '==': [{ var: 'destination' }, '80'] })) };
    const errors = checkDefinition(d);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.path).toBe(`${FURTHER}.visibleWhen`);
    expect(errors[0]?.message).toContain('规则过大');
    let deep: unknown = true;
    for (let i = 0; i < 20; i++) deep = { '!': deep };
    d.steps[0].sections[0].rows[3][1].visibleWhen = deep;
    expect(checkDefinition(d)[0]?.message).toContain('嵌套过深');
  });

  it('reports an unknown operator in a check rule', () => {
    const d = def();
    d.checks[0].rule = { or: [{ regex: ['.*', { var: 'endDate' }] }] };
    expect(checkDefinition(d)).toEqual([{ path: 'checks[0].rule.or[0]', message: '未知的运算符「regex」' }]);
  });

  it('reports duplicate keys for fields (group sub-fields included), sections, steps and workflow steps', () => {
    const d = def();
    d.steps[0].sections[0].rows[1][1].key = 'name';
    d.steps[1].sections[0].rows[5][0].fields[0].key = 'mobile';
    d.steps[1].sections[0].key = 'studentInfo';
    d.steps[2].key = 'people';
    d.workflow[2].key = 'invite';
    expect(paths(d)).toEqual([
      'workflow[2].key',
      'steps[0].sections[0].rows[1][1].key',
      'steps[1].sections[0].key',
      `${CONTACTS}.fields[0].key`,
      'steps[2].key',
      // access maps and checks still name the renamed workflow step 'review'
      'steps[2].sections[0].access.review',
      'steps[2].sections[0].rows[1][0].access.review',
      // the renamed sub-field is no longer there for the computed label to read
      `${CONTACTS}.fields[4].computed.concat[0]`,
    ]);
  });

  it('reports every rule that reads a field the admin has just deleted, each at its own place', () => {
    const d = def();
    d.steps[0].sections[0].rows[3].splice(0, 1); // 毕业去向 removed; 升学院校 and the 出国出境 section read it
    expect(checkDefinition(d)).toEqual(
      expect.arrayContaining([
        { path: 'steps[0].sections[0].rows[3][0].visibleWhen.==[0]', message: '引用了不存在的字段「destination」' },
        { path: 'steps[0].sections[0].rows[3][0].requiredWhen.==[0]', message: '引用了不存在的字段「destination」' },
        { path: 'steps[0].sections[1].visibleWhen.==[0]', message: '引用了不存在的字段「destination」' },
      ]),
    );
  });

  it('reports a bad key format and reserved keys', () => {
    const d = def();
    d.steps[0].sections[0].rows[0][0].key = '1name';
    d.steps[0].sections[0].rows[1][1].key = 'constructor';
    const errors = checkDefinition(d);
    expect(errors.map((e) => e.path)).toEqual([`${NAME}.key`, 'steps[0].sections[0].rows[1][1].key']);
  });

  it('reports an unknown code table on a select', () => {
    const d = def();
    d.steps[1].sections[0].rows[1][0].codeTable = 'unitKind';
    expect(checkDefinition(d)).toEqual([{ path: 'steps[1].sections[0].rows[1][0].codeTable', message: '代码表「unitKind」不存在' }]);
  });

  it('reports options that do not fit the field type', () => {
    const d = def();
    d.steps[0].sections[0].rows[0][0].codeTable = 'gender';
    d.steps[0].sections[0].rows[0][1].fields = [];
    expect(paths(d)).toEqual([`${NAME}.codeTable`, 'steps[0].sections[0].rows[0][1].fields']);
  });

  it('reports a bad role and an unknown workflow step in access maps', () => {
    const d = def();
    d.access = { '*': { read: ['student', 'teacher'] }, approve: { edit: ['school'] } };
    expect(checkDefinition(d)).toEqual([
      { path: 'access.*.read[1]', message: '未知的角色「teacher」' },
      { path: 'access.approve', message: '未知的环节「approve」' },
    ]);
  });

  it('reports unknown workflow steps and fields in checks', () => {
    const d = def();
    d.checks[0].steps = ['invite', 'sign'];
    d.checks[0].field = 'endDay';
    expect(paths(d)).toEqual(['checks[0].field', 'checks[0].steps[1]']);
  });

  it('reports unknown properties anywhere', () => {
    const d = def();
    d.colour = 'red';
    d.steps[0].sections[0].rows[0][0].onChange = 'alert(1)';
    d.steps[1].sections[0].rows[5][0].fields[1].regex = '^1';
    expect(paths(d)).toEqual(['colour', `${NAME}.onChange`, `${CONTACTS}.fields[1].regex`]);
  });

  it('reports bad limits, patterns, region levels and defaults', () => {
    const d = def();
    const name = d.steps[0].sections[0].rows[0][0];
    name.minLength = 10;
    name.maxLength = 2;
    name.pattern = 'regex';
    d.steps[0].sections[0].rows[2][0].regionLevel = 'street';
    const salary = d.steps[1].sections[0].rows[2][0];
    salary.min = 100;
    salary.max = 10;
    salary.default = 'lots';
    d.steps[1].sections[0].rows[1][0].default = '88';
    expect(paths(d)).toEqual([
      `${NAME}.minLength`,
      `${NAME}.pattern`,
      'steps[0].sections[0].rows[2][0].regionLevel',
      'steps[1].sections[0].rows[1][0].default',
      'steps[1].sections[0].rows[2][0].min',
      'steps[1].sections[0].rows[2][0].default',
    ]);
  });

  it('refuses nested groups, access on sub-fields and computed files', () => {
    const d = def();
    const subs = d.steps[1].sections[0].rows[5][0].fields;
    subs[0].access = { '*': { read: ['student'] } };
    subs.push({ key: 'inner', type: 'group', label: '嵌套', fields: [{ key: 'deep', type: 'text', label: 'x' }] });
    d.steps[0].sections[0].rows[4][0].computed = { var: 'name' };
    expect(paths(d)).toEqual(['steps[0].sections[0].rows[4][0].computed', `${CONTACTS}.fields[0].access`, `${CONTACTS}.fields[5].type`]);
  });

  it('checks mappings against this form’s fields', () => {
    const d = def();
    d.mappings = [{ from: 'agreement', fields: { unitName: 'employerName', nope: 'x', name: 'bad key!' } }];
    expect(paths(d)).toEqual(['mappings[0].fields.nope', 'mappings[0].fields.name']);
  });

  it('limits the number of fields', () => {
    const d = def();
    d.steps[0].sections[0].rows.push(Array.from({ length: 500 }, (_, i) => ({ key: `extra${i}`, type: 'text', label: `额外${i}` })));
    expect(checkDefinition(d)).toEqual([{ path: 'steps', message: expect.stringContaining('字段过多') }]);
  });

  it('accepts a private code table overriding nothing, and refuses a malformed one', () => {
    const d = def();
    d.codeTables.push({ key: 'yesNo', label: 'dup', items: [] });
    d.codeTables[0].items.push({ code: '1', label: '重复' });
    expect(paths(d)).toEqual(['codeTables[0].items[2].code', 'codeTables[1].key', 'codeTables[1].items']);
  });

  it('never throws on hostile input', () => {
    const hostile = JSON.parse('{"__proto__": {"x": 1}, "steps": [{"sections": [{"rows": [[{"__proto__": 1, "key": "a"}]]}]}]}');
    expect(() => checkDefinition(hostile)).not.toThrow();
    expect(checkDefinition(hostile).length).toBeGreaterThan(0);
    const field: FieldDef = { key: 'x', type: 'text', label: 'x' };
    const cyclic: FormDefinition & { self?: unknown } = {
      ...agreementDefinition(),
      steps: [{ key: 's', label: 's', sections: [{ key: 'c', label: 'c', rows: [[field]] }] }],
    };
    cyclic.self = cyclic;
    expect(() => checkDefinition(cyclic)).not.toThrow();
  });
});

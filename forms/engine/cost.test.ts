/**
 * The cost model: an admin cannot publish a form whose worst submission is too much work, and the
 * model never counts less than the engine does. Tests count work; bench/form-cost.ts times it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COST_KINDS, largestSubmission, worstDefinition } from './test/cost-fixtures';
import { MAX_VALIDATION_WORK, validationWork } from './cost';
import { checkDefinition, LIMITS } from './definition-check';
import { ruleNodeVisits } from './rules';
import type { CheckDef, FieldDef, FormDefinition, Rule, SectionDef, Values } from './types';
import { validate } from './validate';

const GROUP = 'steps[0].sections[0].rows[0][0]';

/** An employer's form, filled at 'register', of one page (key 'p') holding one section (key 's'). */
function oneSectionForm(title: string, page: string, section: Omit<SectionDef, 'key'>, checks?: CheckDef[]): FormDefinition {
  return {
    key: 'employer',
    title,
    schemaVersion: 1,
    workflow: [{ key: 'register', label: '注册' }],
    access: { '*': { edit: ['employer'] } },
    steps: [{ key: 'p', label: page, sections: [{ key: 's', ...section }] }],
    ...(checks ? { checks } : {}),
  };
}

/** The issue's form: a group of up to `maxItems` rows whose sub-fields carry 60-term rules. */
function issueDefinition(maxItems: number, terms = 60): FormDefinition {
  const rule = { or: Array.from({ length: terms }, (_, i) => ({ '==': [{ var: '$row.a' }, `v${i}`] })) };
  return oneSectionForm('用人单位注册', '单位信息', {
    label: '单位信息',
    rows: [
      [
        {
          key: 'items',
          type: 'group',
          label: '明细',
          maxItems,
          fields: [
            { key: 'a', type: 'text', label: '甲', maxLength: 20 },
            ...['b', 'c', 'd'].map(
              (key): FieldDef => ({ key, type: 'text', label: key, maxLength: 20, visibleWhen: rule, requiredWhen: rule }),
            ),
          ],
        },
      ],
    ],
  });
}

describe('the definition checker bounds the work of one validation', () => {
  it("refuses the issue's form (maxItems 1,000,000, 60-term rules on sub-fields) at the group", () => {
    const problems = checkDefinition(issueDefinition(1_000_000));
    expect(problems).toContainEqual({ path: `${GROUP}.maxItems`, message: `分组最多 ${LIMITS.groupItems} 条` });
    const cost = problems.find((p) => p.message.startsWith('表单过于复杂'));
    expect(cost?.path).toBe(GROUP);
    expect(cost?.message).toContain('「明细」');
    expect(cost?.message).toContain('最多 1,000,000 条');
    expect(cost?.message).toContain(`上限 ${MAX_VALIDATION_WORK.toLocaleString('en-US')}`);
  });

  it('refuses the same rules on the largest group the checker allows, and accepts them on a smaller one', () => {
    expect(checkDefinition(issueDefinition(LIMITS.groupItems)).map((p) => p.path)).toEqual([GROUP]);
    expect(checkDefinition(issueDefinition(20))).toEqual([]);
  });

  it('counts a group without maxItems at the default cap, the same one validate() enforces', () => {
    const def = issueDefinition(100);
    delete (def.steps[0]!.sections[0]!.rows[0]![0]! as Partial<FieldDef>).maxItems;
    expect(validationWork(def).total).toBe(validationWork(issueDefinition(100)).total);
  });

  it('weighs a rule by the longest string it can read: len of a 5,000-character text costs more than of a 10-character one', () => {
    const withText = (maxLength: number) => {
      const def = issueDefinition(1, 1);
      def.steps[0]!.sections[0]!.rows.push([
        { key: 'long', type: 'textarea', label: '长文本', maxLength, visibleWhen: { '>': [{ len: { var: 'long' } }, 1] } },
      ]);
      return validationWork(def).total;
    };
    expect(withText(5000) - withText(10)).toBeGreaterThan(8 * 500);
  });

  it('refuses a field longer than the cap and a computed chain longer than the cap', () => {
    const long = issueDefinition(1, 1);
    long.steps[0]!.sections[0]!.rows.push([{ key: 't', type: 'textarea', label: '长文本', maxLength: LIMITS.fieldLength + 1 }]);
    expect(checkDefinition(long)).toEqual([
      { path: 'steps[0].sections[0].rows[1][0].maxLength', message: `最多 ${LIMITS.fieldLength} 个字` },
    ]);

    const chain = issueDefinition(1, 1);
    const links = LIMITS.computedChain + 1;
    for (let i = 0; i < links; i++) {
      const computed: Rule = i === 0 ? { concat: ['x', 'y'] } : { concat: [{ var: `c${i - 1}` }, { var: `c${i - 1}` }] };
      chain.steps[0]!.sections[0]!.rows.push([{ key: `c${i}`, type: 'text', label: `计算 ${i}`, computed }]);
    }
    const problems = checkDefinition(chain);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.path).toBe(`steps[0].sections[0].rows[${links}][0].computed`);
    expect(problems[0]?.message).toContain(`计算字段依赖链过长（${links} 层，最多 ${LIMITS.computedChain} 层）`);
  });

  for (const kind of COST_KINDS) {
    it(`accepts the worst '${kind}' definition just under the budget, and one built the same way 5 % over it is refused`, () => {
      const def = worstDefinition(kind);
      expect(checkDefinition(def)).toEqual([]);
      const { total } = validationWork(def);
      expect(total).toBeLessThanOrEqual(MAX_VALIDATION_WORK);
      expect(total).toBeGreaterThan(MAX_VALIDATION_WORK * 0.95);
      const over = worstDefinition(kind, MAX_VALIDATION_WORK * 1.05);
      expect(checkDefinition(over).map((p) => p.message)).toEqual([expect.stringContaining('表单过于复杂')]);
    });
  }
});

/** Runs validate and returns how many rule nodes it evaluated. */
function visitsOf(def: FormDefinition, values: Values, role: 'employer' | 'admin' = 'employer'): number {
  const before = ruleNodeVisits();
  validate(def, values, { role, step: 'register', today: '2026-03-01' });
  return ruleNodeVisits() - before;
}

describe('the model never counts less than the engine evaluates', () => {
  for (const kind of COST_KINDS) {
    it(`the worst '${kind}' definition with the largest body`, () => {
      const def = worstDefinition(kind);
      const values = largestSubmission(def, kind, 1024 * 1024);
      // the largest body is a valid one: every value is checked to its end
      expect(validate(def, values, { role: 'employer', step: 'register' }).errors).toEqual([]);
      const visits = visitsOf(def, values);
      const work = validationWork(def);
      expect(visits).toBeLessThanOrEqual(work.ruleNodes);
      // every term holds, so the worst body evaluates (nearly) every node the model counts
      expect(visits).toBeGreaterThanOrEqual(work.ruleNodes * 0.9);
    });
  }

  // random definitions: rules over top-level fields, sections, groups, computed fields and checks
  const TOP = ['t1', 't2', 'n1', 'n2'];
  const SUB = ['$row.s1', '$row.s2', '$row.s3'];
  const literal = fc.oneof(fc.constantFrom('a', 'b', '', '1'), fc.integer({ min: -3, max: 3 }), fc.boolean(), fc.constant(null));
  const ruleOver = (names: string[]) =>
    fc.letrec<{ rule: Rule }>((tie) => ({
      rule: fc.oneof(
        { depthSize: 'small', maxDepth: 4 },
        literal as fc.Arbitrary<Rule>,
        fc.constantFrom(...names).map((name): Rule => ({ var: name })),
        fc
          .tuple(fc.constantFrom('==', '!=', '<', '>=', 'in', '+', '-'), tie('rule'), tie('rule'))
          .map(([op, a, b]): Rule => ({ [op]: [a, b] })),
        fc
          .tuple(fc.constantFrom('and', 'or', 'concat', 'max'), fc.array(tie('rule'), { minLength: 1, maxLength: 4 }))
          .map(([op, xs]): Rule => ({ [op]: xs })),
        fc.tuple(fc.constantFrom('!', 'empty', 'len', 'days'), tie('rule')).map(([op, a]): Rule => ({ [op]: a })),
        fc.tuple(tie('rule'), tie('rule'), tie('rule')).map(([a, b, c]): Rule => ({ if: [a, b, c] })),
      ),
    })).rule;
  const topRule = ruleOver(TOP);
  const rowRule = ruleOver([...TOP, ...SUB]);

  const SLOTS = [
    'section',
    't1Visible',
    't1Required',
    't2Visible',
    'n2Computed',
    's1Visible',
    's1Required',
    's2Required',
    's3Computed',
    'check',
  ] as const;
  type Slot = (typeof SLOTS)[number];
  const definition = fc
    .record({
      // one or two rules at a time, so counting too much elsewhere cannot hide counting too little here
      slots: fc.subarray([...SLOTS], { minLength: 1, maxLength: 2 }),
      top: topRule,
      row: rowRule,
      maxItems: fc.integer({ min: 0, max: 6 }),
    })
    .map((r): FormDefinition => {
      const at = (slot: Slot, rule: Rule) => (r.slots.includes(slot) ? rule : undefined);
      const subs: FieldDef[] = [
        { key: 's1', type: 'text', label: 's1', maxLength: 20, visibleWhen: at('s1Visible', r.row), requiredWhen: at('s1Required', r.row) },
        { key: 's2', type: 'text', label: 's2', maxLength: 20, requiredWhen: at('s2Required', r.row) },
        { key: 's3', type: 'text', label: 's3', maxLength: 20, computed: at('s3Computed', r.row) },
      ];
      return oneSectionForm(
        '随机表单',
        '页',
        {
          label: '分节',
          visibleWhen: at('section', r.top),
          rows: [
            [
              { key: 't1', type: 'text', label: '文本一', visibleWhen: at('t1Visible', r.top), requiredWhen: at('t1Required', r.top) },
              { key: 't2', type: 'textarea', label: '文本二', visibleWhen: at('t2Visible', r.top) },
            ],
            [
              { key: 'n1', type: 'number', label: '数一' },
              { key: 'n2', type: 'number', label: '数二', computed: at('n2Computed', r.top) },
            ],
            [{ key: 'g', type: 'group', label: '分组', maxItems: r.maxItems, fields: subs }],
          ],
        },
        r.slots.includes('check') ? [{ rule: r.top, message: '不成立', field: 't1' }] : [],
      );
    });
  const text = fc.oneof(fc.constantFrom('', 'a', 'b', '1', '2026-01-01', '😀😀'), fc.string({ maxLength: 30 }));
  const submission = (rows: number) =>
    fc.record({
      t1: text,
      t2: text,
      n1: fc.oneof(fc.integer(), text),
      g: fc.array(fc.record({ s1: text, s2: text, s3: text }), { minLength: rows, maxLength: rows }),
    });

  it('random definitions and submissions: evaluated nodes ≤ the model', () => {
    fc.assert(
      fc.property(
        definition.chain((def) => fc.tuple(fc.constant(def), submission(def.steps[0]!.sections[0]!.rows[2]![0]!.maxItems as number))),
        ([def, values]) => {
          fc.pre(checkDefinition(def).length === 0);
          const work = validationWork(def);
          const visits = visitsOf(def, values);
          expect(visits).toBeLessThanOrEqual(work.ruleNodes);
          expect(work.ruleNodes).toBeLessThanOrEqual(work.total);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a form whose visibility never settles and whose rows are all full: evaluated nodes = the model exactly', () => {
    const rule = (x: string): Rule => ({ '!=': [{ var: x }, 'zz'] });
    const def = oneSectionForm(
      '不收敛的表单',
      '页',
      {
        label: '分节',
        visibleWhen: rule('t1'),
        rows: [
          // shown only while empty: hidden, then shown, then hidden… for every round
          [{ key: 't1', type: 'text', label: '文本一', visibleWhen: { empty: { var: 't1' } } }],
          [{ key: 't2', type: 'text', label: '文本二', computed: { concat: [{ var: 't1' }, '!'] }, requiredWhen: rule('t1') }],
          [
            {
              key: 'g',
              type: 'group',
              label: '分组',
              maxItems: 4,
              fields: [
                { key: 's1', type: 'text', label: 's1', visibleWhen: rule('$row.s2'), requiredWhen: rule('$row.s2') },
                { key: 's2', type: 'text', label: 's2' },
                { key: 's3', type: 'text', label: 's3', computed: { concat: [{ var: '$row.s2' }, { var: 't1' }] } },
              ],
            },
          ],
        ],
      },
      [{ rule: rule('t1'), message: '不成立', field: 't2' }],
    );
    expect(checkDefinition(def)).toEqual([]);
    const rows = Array.from({ length: 4 }, () => ({ s2: 'b' }));
    // t2 is computed, so its requiredWhen (3 nodes) is never asked; the model counts it anyway
    const unasked = 3;
    expect(visitsOf(def, { t1: 'a', g: rows })).toBe(validationWork(def).ruleNodes - unasked);
  });
});

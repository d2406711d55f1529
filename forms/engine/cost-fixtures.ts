/**
 * The most expensive definitions the checker accepts, built programmatically to sit just under
 * MAX_VALIDATION_WORK, and the largest submission for them. Shared by the cost model's tests (which
 * count work) and the benchmark (which times it): if the model under-counts some kind of rule,
 * the benchmark's figure for that kind is where it shows.
 *
 * The shape is the issue's: a 用人单位注册-like form with a group at the largest maxItems whose
 * sub-fields carry long rules, plus two long texts every row's rules read. Each kind stresses one
 * cost of the evaluator:
 *  - 'nodes': plain comparisons, the most nodes per step;
 *  - 'len': `len` of the longest string a field may hold (code points counted one by one);
 *  - 'in': `in` searching the longest string for a long needle that almost matches everywhere.
 * Every term holds, so every node is evaluated and every sub-field stays visible and is checked.
 */
import { LIMITS } from './definition-check';
import { MAX_VALIDATION_WORK, validationWork } from './cost';
import { MAX_RULE_NODES } from './rules';
import type { FieldDef, FormDefinition, Rule, Values } from './types';

export const COST_KINDS = ['nodes', 'len', 'in'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Nodes of one term of each kind (see `term`). */
const TERM_NODES: Record<CostKind, number> = { nodes: 3, len: 4, in: 4 };

function term(kind: CostKind): Rule {
  switch (kind) {
    case 'nodes': return { '!=': [{ var: '$row.key' }, 'zz'] };
    case 'len': return { '<': [{ len: { var: 'bigText' } }, 99_999] };
    case 'in': return { '!': { in: [{ var: 'needle' }, { var: 'bigText' }] } };
  }
}

/** An `and` of `terms` terms (1 + terms × TERM_NODES nodes). */
function longRule(kind: CostKind, terms: number): Rule {
  return { and: Array.from({ length: Math.max(1, terms) }, () => term(kind)) };
}

const MAX_TERMS: Record<CostKind, number> = {
  nodes: Math.floor((MAX_RULE_NODES - 1) / TERM_NODES.nodes),
  len: Math.floor((MAX_RULE_NODES - 1) / TERM_NODES.len),
  in: Math.floor((MAX_RULE_NODES - 1) / TERM_NODES.in),
};

/** Code points of the 'in' needle: long enough to make each search position compare many characters. */
const NEEDLE_LENGTH = 500;

const ACCESS = { '*': { edit: ['employer' as const] } };

function definition(kind: CostKind, rules: number[], rows: number): FormDefinition {
  const subs: FieldDef[] = [
    { key: 'key', type: 'text', label: '编号', maxLength: 10 },
    // soaks up the rest of the body: the largest submission fills it in every row
    { key: 'notes', type: 'textarea', label: '说明', maxLength: LIMITS.fieldLength },
    ...rules.map((terms, i): FieldDef => ({ key: `f${i + 1}`, type: 'text', label: `条件字段 ${i + 1}`, maxLength: 10, visibleWhen: longRule(kind, terms) })),
  ];
  return {
    key: 'employer',
    title: '最复杂的注册表单',
    schemaVersion: 1,
    workflow: [{ key: 'register', label: '单位填写注册信息' }],
    access: ACCESS,
    steps: [{
      key: 'page',
      label: '单位信息',
      sections: [{
        key: 'main',
        label: '单位信息',
        rows: [
          [{ key: 'bigText', type: 'textarea', label: '长文本', maxLength: LIMITS.fieldLength }],
          [{ key: 'needle', type: 'textarea', label: '查找文本', maxLength: LIMITS.fieldLength }],
          [{ key: 'items', type: 'group', label: '明细', minItems: 0, maxItems: rows, fields: subs }],
        ],
      }],
    }],
  };
}

/**
 * The most expensive definition of this kind within `budget` (by default: the most the checker
 * accepts): rule-carrying sub-fields are added at full length while the work stays within it,
 * then one shorter rule fills the rest.
 */
export function worstDefinition(kind: CostKind, budget = MAX_VALIDATION_WORK): FormDefinition {
  // as many rows as still leave room for one full-length rule in each
  const full = validationWork(definition(kind, [MAX_TERMS[kind]], 1)).total;
  const rows = Math.max(1, Math.min(LIMITS.groupItems, Math.floor(budget / full)));
  const cost = (rules: number[]) => validationWork(definition(kind, rules, rows)).total;
  const rules: number[] = [];
  while (cost([...rules, MAX_TERMS[kind]]) <= budget) rules.push(MAX_TERMS[kind]);
  let lo = 0;
  let hi = MAX_TERMS[kind];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost([...rules, mid]) <= budget) lo = mid; else hi = mid - 1;
  }
  if (lo > 0) rules.push(lo);
  return definition(kind, rules, rows);
}

/**
 * The largest submission for `def` that fits in `maxChars` of JSON: the long texts at their cap
 * (astral characters, two UTF-16 units each, where `len` is slowest; a needle that matches all but
 * its last character everywhere), every row present, and the rows' notes filled with what is left.
 */
export function largestSubmission(def: FormDefinition, kind: CostKind, maxChars: number): Values {
  const group = def.steps[0].sections[0].rows[2][0];
  const rows = group.maxItems ?? 0;
  const cap = LIMITS.fieldLength;
  const bigText = '😀'.repeat(cap);
  const needle = kind === 'in' ? `${'😀'.repeat(NEEDLE_LENGTH - 1)}😁` : '无';
  const row = (notes: string): Record<string, string> => {
    const out: Record<string, string> = { key: 'k1', notes };
    for (const sub of group.fields ?? []) if (sub.key.startsWith('f')) out[sub.key] = 'x';
    return out;
  };
  const build = (notes: string): Values => ({ bigText, needle, items: Array.from({ length: rows }, () => row(notes)) });
  const base = JSON.stringify({ data: build('') }).length;
  const perRow = Math.max(0, Math.floor((maxChars - base) / Math.max(rows, 1)));
  return build('说'.repeat(Math.min(cap, perRow)));
}

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
 *  - 'in': `in` searching the longest string for a long needle that almost matches everywhere;
 *  - 'values': no rules, as many sub-fields with the dearest value checks (ID number, credit code,
 *    e-mail, mobile, region, date) as the budget allows, each row filled while the body lasts.
 * Every term holds, so every node is evaluated and every sub-field stays visible and is checked.
 */
import { LIMITS } from '../definition-check';
import { MAX_VALIDATION_WORK, validationWork } from '../cost';
import { MAX_RULE_NODES } from '../rules';
import { VALID_CREDIT_CODE, VALID_ID } from './fixtures';
import type { FieldDef, FieldType, FormDefinition, Rule, Values } from '../types';

export const COST_KINDS = ['nodes', 'len', 'in', 'values'] as const;
export type CostKind = (typeof COST_KINDS)[number];

/** Nodes of one term of each kind (see `term`). */
const TERM_NODES: Record<CostKind, number> = { nodes: 3, len: 4, in: 4, values: 1 };

function term(kind: CostKind): Rule {
  switch (kind) {
    case 'nodes':
      return { '!=': [{ var: '$row.key' }, 'zz'] };
    case 'len':
      return { '<': [{ len: { var: 'bigText' } }, 99_999] };
    case 'in':
      return { '!': { in: [{ var: 'needle' }, { var: 'bigText' }] } };
    case 'values':
      return true;
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
  values: 1,
};

/** The dearest value checks, with a valid value of each (so every check runs to its end). */
const CHECKED: Array<{ type: FieldType; value: string }> = [
  { type: 'idNumber', value: VALID_ID },
  { type: 'creditCode', value: VALID_CREDIT_CODE },
  { type: 'email', value: 'hr.contact@example-company.com.cn' },
  { type: 'phone', value: '138 1234 5678' },
  { type: 'region', value: '320106' },
  { type: 'date', value: '2026-02-28' },
];

/** Code points of the 'in' needle: long enough to make each search position compare many characters. */
const NEEDLE_LENGTH = 500;

const ACCESS = { '*': { edit: ['employer' as const] } };

function definition(kind: CostKind, rules: number[], rows: number): FormDefinition {
  const subs: FieldDef[] = [
    { key: 'key', type: 'text', label: '编号', maxLength: 10 },
    // soaks up the rest of the body: the largest submission fills it in every row
    { key: 'notes', type: 'textarea', label: '说明', maxLength: LIMITS.fieldLength },
    ...rules.map(
      (terms, i): FieldDef =>
        kind === 'values'
          ? { key: `f${i + 1}`, type: CHECKED[i % CHECKED.length]!.type, label: `字段 ${i + 1}` }
          : { key: `f${i + 1}`, type: 'text', label: `条件字段 ${i + 1}`, maxLength: 10, visibleWhen: longRule(kind, terms) },
    ),
  ];
  return {
    key: 'employer',
    title: '最复杂的注册表单',
    schemaVersion: 1,
    workflow: [{ key: 'register', label: '单位填写注册信息' }],
    access: ACCESS,
    steps: [
      {
        key: 'page',
        label: '单位信息',
        sections: [
          {
            key: 'main',
            label: '单位信息',
            rows: [
              [{ key: 'bigText', type: 'textarea', label: '长文本', maxLength: LIMITS.fieldLength }],
              [{ key: 'needle', type: 'textarea', label: '查找文本', maxLength: LIMITS.fieldLength }],
              [{ key: 'items', type: 'group', label: '明细', minItems: 0, maxItems: rows, fields: subs }],
            ],
          },
        ],
      },
    ],
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
  // fields beyond the checker's limit would be refused for that instead
  const maxRuleFields = LIMITS.fields - 5;
  const cost = (rules: number[]) => validationWork(definition(kind, rules, rows)).total;
  const rules: number[] = [];
  while (rules.length < maxRuleFields && cost([...rules, MAX_TERMS[kind]]) <= budget) rules.push(MAX_TERMS[kind]);
  let lo = 0;
  let hi = MAX_TERMS[kind];
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (cost([...rules, mid]) <= budget) lo = mid;
    else hi = mid - 1;
  }
  if (lo > 0 && rules.length < maxRuleFields) rules.push(lo);
  return definition(kind, rules, rows);
}

/** UTF-8 bytes of a string, as the API counts a body. */
function utf8Bytes(text: string): number {
  return new TextEncoder().encode(text).byteLength;
}

/**
 * The largest registration body for `def` the API accepts (`maxBytes` of UTF-8 JSON, with the
 * username and password the route also reads): the long texts at their cap in astral characters
 * (two UTF-16 units each, where `len` is slowest; for 'in', a needle that matches all but its
 * last character at every position), every row present with its notes as long as the body
 * allows (ASCII, the most characters per byte), and what is still left in a key no field reads.
 */
export function largestRegistration(def: FormDefinition, kind: CostKind, maxBytes: number): Record<string, unknown> {
  const group = def.steps[0]!.sections[0]!.rows[2]![0]!;
  const rows = group.maxItems ?? 0;
  const cap = LIMITS.fieldLength;
  const bigText = '😀'.repeat(cap);
  const needle = kind === 'in' ? `${'😀'.repeat(NEEDLE_LENGTH - 1)}😁` : '无';
  const subs = (group.fields ?? []).filter((sub) => /^f\d+$/.test(sub.key));
  const full: Record<string, string> = Object.fromEntries(
    subs.map((sub, i) => [sub.key, kind === 'values' ? CHECKED[i % CHECKED.length]!.value : 'x']),
  );
  // 'values': as many rows carry every value as the body holds; the rest only their key
  const fullRows =
    kind === 'values'
      ? Math.min(rows, Math.floor((maxBytes - 40_000) / utf8Bytes(JSON.stringify({ key: 'k1', notes: '', ...full }) + ',')))
      : rows;
  const row = (notes: string, i: number): Record<string, string> => ({ key: 'k1', notes, ...(i < fullRows ? full : {}) });
  const body = (notes: string, padding: string) => ({
    username: 'unit2027',
    password: 'Welcome2027',
    data: { bigText, needle, items: Array.from({ length: rows }, (_, i) => row(notes, i)), padding },
  });
  const base = utf8Bytes(JSON.stringify(body('', '')));
  const notes = 'n'.repeat(Math.max(0, Math.min(cap, Math.floor((maxBytes - base) / Math.max(rows, 1)))));
  const filled = utf8Bytes(JSON.stringify(body(notes, '')));
  return body(notes, 'p'.repeat(Math.max(0, maxBytes - filled)));
}

/** The `data` of the largest registration: what validate() is given. */
export function largestSubmission(def: FormDefinition, kind: CostKind, maxBytes: number): Values {
  return largestRegistration(def, kind, maxBytes).data as Values;
}

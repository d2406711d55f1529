/**
 * What one `validate()` can cost, read from the definition alone. An admin publishes a form once;
 * every submission (anonymous ones included, e.g. 用人单位注册) then pays for its rules, so the
 * definition checker refuses a form whose worst submission would be too much work.
 *
 * The unit is a step: one rule node evaluated (a value's own check is VALUE_CHECK_STEPS). Where a node's own work
 * grows with the strings or lists it reads (`len` counts code points, `in` searches a string or
 * list, `==` and friends compare strings), it costs more steps, from the longest value its operands
 * can hold: a field's value is bounded before any rule runs (see input-bounds.ts), a `concat`
 * result by MAX_RULE_STRING. For a submission of any content the engine evaluates at most:
 *  - a section's or top-level field's `visibleWhen`: once per visibility round (`MAX_VISIBILITY_ROUNDS`);
 *  - a top-level `computed`: once per round, and once more after the last;
 *  - a `requiredWhen`, a check's `rule`: once;
 *  - a group: per row (at most `maxItems`, default `DEFAULT_MAX_ITEMS`; more rows are refused
 *    before any rule runs) its sub-fields' `computed` twice, `visibleWhen` and `requiredWhen` once.
 * Each rule counts all its nodes (`and`, `or` and `if` may visit fewer). What is linear in the
 * request body alone (parsing, trimming, each value's own check) is bounded by the body limit and
 * timed by the benchmark together with the worst definition this model accepts.
 */
import { codeCount, resolveCodeTable } from './codes';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_LENGTH } from './field-value';
import { MAX_VISIBILITY_ROUNDS } from './form-state';
import { fieldEntries } from './fields';
import { MAX_RULE_DEPTH, MAX_RULE_NODES, MAX_RULE_STRING } from './rules';
import type { FieldDef, FormDefinition } from './types';
import { uncheckedList } from './unchecked';

/** The most steps a definition may cost one validation (see the module comment). */
export const MAX_VALIDATION_WORK = 100_000;
/** Rows kept per group when a definition sets no maxItems. */
export const DEFAULT_MAX_ITEMS = 100;
/** Steps per UTF-16 unit a `len` or a string `in` walks (code point by code point, or a search). */
export const SLOW_STEPS_PER_UNIT = 1 / 16;
/** Steps per UTF-16 unit a comparison, `empty`, `concat` or `days` reads (a memory compare or copy). */
export const FAST_STEPS_PER_UNIT = 1 / 256;
/**
 * Steps of one value's own check (cleaning, the type check — an ID number's checksum, a region
 * lookup — and its place in the row): measured at several rule nodes' worth by bench/form-cost.ts.
 */
export const VALUE_CHECK_STEPS = 8;
/** Longest item of a list a rule may read: file ids (128) and codes (32). */
const LIST_ITEM_UNITS = 128;
/** A number printed by `concat`, at most. */
const NUMBER_UNITS = 24;

/** One place of the definition and the work it costs a validation. */
export interface WorkPart {
  /** path in the definition, as the checker reports it */
  path: string;
  /** what an admin calls it: the field's or section's label, or 'checks[i]' */
  label: string;
  work: number;
  /** for a group: its most rows, and the steps of one row */
  rows?: number;
  perRow?: number;
}

export interface ValidationWork {
  /** the most rule nodes one validation evaluates (unweighted) */
  ruleNodes: number;
  /** the most steps of rule evaluation, nodes weighted by the values they read */
  ruleSteps: number;
  /** the steps of the values one validation type-checks (VALUE_CHECK_STEPS each) */
  values: number;
  /** ruleSteps + values, compared with MAX_VALIDATION_WORK */
  total: number;
  parts: WorkPart[];
}

/** The largest value an expression can produce: a string of `units`, or a list of `items`. */
interface Size {
  units: number;
  items: number;
}

const SCALAR: Size = { units: 0, items: 0 };

/** A part's label: its label, else its key (an unchecked definition may lack either). */
function labelOf(item: { label?: unknown; key?: unknown }): string {
  return String(item.label ?? item.key);
}

function isObj(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The most rows a group's value may have (what validate() enforces before any rule runs). */
export function groupMaxRows(group: FieldDef): number {
  const max = group.maxItems;
  return typeof max === 'number' && Number.isInteger(max) && max >= 0 ? max : DEFAULT_MAX_ITEMS;
}

/** The most characters a correct value of this field has (what validate() bounds strings by). */
export function lengthCap(field: FieldDef): number {
  const own = typeof field.maxLength === 'number' && field.maxLength >= 0 ? field.maxLength : null;
  if (field.type === 'text') return own ?? DEFAULT_MAX_LENGTH.text;
  if (field.type === 'textarea') return own ?? DEFAULT_MAX_LENGTH.textarea;
  if (field.type === 'email') return own ?? DEFAULT_MAX_LENGTH.other;
  return DEFAULT_MAX_LENGTH.other;
}

/**
 * The largest value a rule can read from this (non-computed) field before the field's own check
 * has run: what input-bounds.ts lets through.
 */
function inputSize(field: FieldDef, def: FormDefinition): Size {
  if (field.type === 'group') return { units: 0, items: groupMaxRows(field) };
  if (field.type === 'file')
    return { units: LIST_ITEM_UNITS, items: typeof field.maxFiles === 'number' ? field.maxFiles : DEFAULT_MAX_FILES };
  if (field.type === 'select' && field.multiple === true) {
    const table = typeof field.codeTable === 'string' ? resolveCodeTable(def, field.codeTable) : undefined;
    return { units: LIST_ITEM_UNITS, items: table ? codeCount(table) : 0 };
  }
  // a string up to twice the cap in UTF-16 units (a code point is one or two)
  return { units: 2 * lengthCap(field), items: 0 };
}

type Reader = (name: string) => Size;

function operandsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

/**
 * Steps of one evaluation of `rule` at most, and the largest value it yields. Stops counting where
 * the evaluator stops (past MAX_RULE_NODES nodes or MAX_RULE_DEPTH levels).
 */
export function ruleWork(rule: unknown, read: Reader): { steps: number; nodes: number } {
  let nodes = 0;
  let steps = 0;
  const walk = (node: unknown, depth: number): Size => {
    nodes += 1;
    steps += 1;
    if (depth > MAX_RULE_DEPTH || nodes > MAX_RULE_NODES) return SCALAR;
    if (typeof node === 'string') return { units: node.length, items: 0 };
    if (Array.isArray(node)) {
      const sizes = node.map((item) => walk(item, depth + 1));
      return { units: Math.max(0, ...sizes.map((s) => s.units)), items: node.length };
    }
    if (!isObj(node)) return SCALAR;
    const keys = Object.keys(node);
    const op = keys[0];
    if (keys.length !== 1 || op === undefined) return SCALAR;
    const raw = operandsOf(node[op]);
    if (op === 'var') return typeof raw[0] === 'string' ? read(raw[0]) : SCALAR;
    const args = raw.map((child) => walk(child, depth + 1));
    const units = (s: Size | undefined) => (s ? s.units + s.items * LIST_ITEM_UNITS : 0);
    const allUnits = args.reduce((n, s) => n + units(s), 0);
    switch (op) {
      case 'len':
        steps += SLOW_STEPS_PER_UNIT * (args[0]?.units ?? 0);
        return SCALAR;
      case 'in': {
        const haystack = args[1] ?? SCALAR;
        steps +=
          SLOW_STEPS_PER_UNIT * haystack.units +
          haystack.items * (1 + FAST_STEPS_PER_UNIT * units(args[0])) +
          FAST_STEPS_PER_UNIT * units(args[0]);
        return SCALAR;
      }
      case '==':
      case '!=':
      case '<':
      case '<=':
      case '>':
      case '>=':
      case 'empty':
      case 'days':
        steps += FAST_STEPS_PER_UNIT * allUnits;
        return SCALAR;
      case 'concat': {
        const out = Math.min(
          MAX_RULE_STRING,
          args.reduce((n, s) => n + Math.max(s.units, NUMBER_UNITS), 0),
        );
        steps += FAST_STEPS_PER_UNIT * out;
        return { units: out, items: 0 };
      }
      case 'if':
        return { units: Math.max(args[1]?.units ?? 0, args[2]?.units ?? 0), items: Math.max(args[1]?.items ?? 0, args[2]?.items ?? 0) };
      case 'today':
        return { units: 10, items: 0 };
      default:
        return SCALAR;
    }
  };
  if (rule !== undefined) walk(rule, 1);
  return { steps: Math.ceil(steps), nodes };
}

const ROUNDS = MAX_VISIBILITY_ROUNDS;

/** The most work one validation of any submission does with this definition. */
export function validationWork(def: FormDefinition): ValidationWork {
  const entries = fieldEntries(def);
  const inputs = entries
    .flatMap(({ field }) => [field, ...(field.type === 'group' ? uncheckedList(field.fields) : [])])
    .filter((f): f is FieldDef => isObj(f) && f.computed === undefined)
    .map((f) => inputSize(f, def));
  // a computed value is a concat (≤ MAX_RULE_STRING) or a copy of another value
  const computedSize: Size = {
    units: Math.max(MAX_RULE_STRING, ...inputs.map((s) => s.units)),
    items: Math.max(0, ...inputs.map((s) => s.items)),
  };
  const fieldSize = (field: FieldDef): Size => (field.computed !== undefined ? computedSize : inputSize(field, def));
  const top = new Map<string, Size>();
  for (const { field } of entries) top.set(field.key, fieldSize(field));
  const readTop: Reader = (name) => top.get(name) ?? SCALAR;
  const parts: WorkPart[] = [];
  let ruleNodes = 0;
  let ruleSteps = 0;
  let values = 0;
  /** adds `times` evaluations of `rule` */
  const count = (rule: unknown, read: Reader, times: number): number => {
    if (rule === undefined) return 0;
    const w = ruleWork(rule, read);
    ruleNodes += w.nodes * times;
    ruleSteps += w.steps * times;
    return w.steps * times;
  };

  uncheckedList(def.steps).forEach((step, si) => {
    uncheckedList(step?.sections).forEach((section, ci) => {
      if (section?.visibleWhen === undefined) return;
      const work = count(section.visibleWhen, readTop, ROUNDS);
      parts.push({ path: `steps[${si}].sections[${ci}]`, label: labelOf(section), work });
    });
  });
  for (const { field, path } of entries) {
    let work =
      count(field.visibleWhen, readTop, ROUNDS) + count(field.computed, readTop, ROUNDS + 1) + count(field.requiredWhen, readTop, 1);
    // one value check, and its place in each visibility round
    let checked = VALUE_CHECK_STEPS + ROUNDS;
    const part: WorkPart = { path, label: labelOf(field), work: 0 };
    if (field.type === 'group') {
      const subs = uncheckedList(field.fields).filter((sub): sub is FieldDef => isObj(sub) && typeof sub.key === 'string');
      const own = new Map(subs.map((sub) => [sub.key, fieldSize(sub)]));
      const readRow: Reader = (name) => (name.startsWith('$row.') ? (own.get(name.slice(5)) ?? SCALAR) : readTop(name));
      const rows = groupMaxRows(field);
      let perRow = subs.length * VALUE_CHECK_STEPS;
      for (const sub of subs) {
        perRow += count(sub.computed, readRow, 2 * rows) / Math.max(rows, 1);
        perRow += count(sub.visibleWhen, readRow, rows) / Math.max(rows, 1);
        perRow += count(sub.requiredWhen, readRow, rows) / Math.max(rows, 1);
      }
      work += (perRow - subs.length * VALUE_CHECK_STEPS) * rows;
      checked += rows * subs.length * VALUE_CHECK_STEPS;
      Object.assign(part, { rows, perRow: Math.round(perRow) });
    }
    part.work = Math.round(work + checked);
    values += checked;
    parts.push(part);
  }
  uncheckedList(def.checks).forEach((check, i) => {
    const work = count(check?.rule, readTop, 1);
    parts.push({ path: `checks[${i}]`, label: `checks[${i}]`, work });
  });
  return { ruleNodes, ruleSteps, values, total: ruleSteps + values, parts };
}

/** The checker's problem for a definition over the budget: at the place that costs the most. */
export function validationWorkProblem(def: FormDefinition): { path: string; message: string } | null {
  const work = validationWork(def);
  if (work.total <= MAX_VALIDATION_WORK) return null;
  const worst = work.parts.reduce((a, b) => (b.work > a.work ? b : a));
  const n = (x: number) => Math.round(x).toLocaleString('en-US');
  const share =
    worst.rows !== undefined
      ? `其中「${worst.label}」占 ${n(worst.work)} 步（每条 ${n(worst.perRow ?? 0)} 步 × 最多 ${n(worst.rows)} 条）`
      : `其中「${worst.label}」占 ${n(worst.work)} 步`;
  return {
    path: worst.path,
    message: `表单过于复杂：校验一次提交最多要 ${n(work.total)} 步（上限 ${n(MAX_VALIDATION_WORK)}），${share}；请简化规则、缩短字段长度或减少分组的最多条数`,
  };
}

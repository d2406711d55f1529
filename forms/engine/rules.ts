/**
 * Evaluator for the `Rule` JSON expression tree (see types.ts).
 *
 * Rules come from admin-edited data and run in the Worker, so this is a plain tree walk over a
 * fixed whitelist of operators: no eval, no property access beyond own data keys, bounded depth
 * and size. Evaluation never throws: a type mismatch (e.g. `<` on a boolean) yields `null`,
 * which is falsy.
 *
 * Equality (`==`, `!=`, `in`) is strict except that a number and a numeric string compare as
 * numbers (`1 == "1"` is true), because values imported from CSV arrive as strings.
 * `<` `<=` `>` `>=` compare numbers (or numeric strings) numerically and other strings by code
 * unit, which orders 'YYYY-MM-DD' dates correctly.
 */
import { isCalendarDate, todayInChina } from './dates';
import { charLength } from './values';

export const MAX_RULE_DEPTH = 12;
export const MAX_RULE_NODES = 200;
/**
 * The longest string a rule can build with `concat` (UTF-16 units); a longer result is null.
 * Without it a chain of computed fields, each concatenating the one before twice, would double a
 * string per link.
 */
export const MAX_RULE_STRING = 10_000;

let nodeVisits = 0;

/** Rule nodes evaluated since the process started; the cost model's tests compare it to their bound. */
export function ruleNodeVisits(): number {
  return nodeVisits;
}

/** What a rule can read: the form's values, and inside a group row that row's values. */
export interface RuleScope {
  values: Record<string, unknown>;
  row?: Record<string, unknown>;
  /** 'YYYY-MM-DD'; defaults to today in China (UTC+8) */
  today?: string;
}

export interface RuleIssue {
  /** location inside the rule, e.g. 'and[1].==[0]'; '' for the rule itself */
  path: string;
  message: string;
}

export interface VarRef {
  name: string;
  path: string;
}

type Arity = readonly [min: number, max: number];
const MANY = Number.POSITIVE_INFINITY;

const OPERATORS: Record<string, Arity> = {
  var: [1, 1],
  '==': [2, 2],
  '!=': [2, 2],
  '<': [2, 2],
  '<=': [2, 2],
  '>': [2, 2],
  '>=': [2, 2],
  and: [1, MANY],
  or: [1, MANY],
  '!': [1, 1],
  in: [2, 2],
  if: [3, 3],
  '+': [1, MANY],
  '-': [1, 2],
  '*': [1, MANY],
  '/': [2, 2],
  min: [1, MANY],
  max: [1, MANY],
  empty: [1, 1],
  len: [1, 1],
  concat: [1, MANY],
  today: [0, 0],
  days: [1, 1],
};

export const RULE_OPERATORS: readonly string[] = Object.freeze(Object.keys(OPERATORS));

/** The operator's arity, or undefined for anything else (`toString` included). */
function arityOf(op: string): Arity | undefined {
  return Object.hasOwn(OPERATORS, op) ? OPERATORS[op] : undefined;
}

const FIELD_KEY = /^[a-zA-Z][a-zA-Z0-9_]{0,63}$/;
const ROW_PREFIX = '$row.';
/** Names that exist on every object through its prototype; never data, even as own keys. */
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);
const MS_PER_DAY = 86_400_000;

function isOperatorNode(node: unknown): node is Record<string, unknown> {
  return typeof node === 'object' && node !== null && !Array.isArray(node);
}

/** `{op: [a, b]}` → [a, b]; `{op: a}` → [a] (the one-operand shorthand). */
function operandsOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [value];
}

function onlyKey(node: Record<string, unknown>): string | null {
  const keys = Object.keys(node);
  return keys.length === 1 ? (keys[0] ?? null) : null;
}

/** Reads a field for `{var}`; own properties only, so `toString` or `__proto__` read as null. */
export function readVar(name: unknown, scope: RuleScope): unknown {
  if (typeof name !== 'string') return null;
  let source: Record<string, unknown> | undefined = scope.values;
  let key = name;
  if (name.startsWith(ROW_PREFIX)) {
    source = scope.row;
    key = name.slice(ROW_PREFIX.length);
  }
  if (!source || typeof source !== 'object' || FORBIDDEN_NAMES.has(key)) return null;
  if (!Object.hasOwn(source, key)) return null;
  const value = source[key];
  return value === undefined ? null : value;
}

export function isTruthy(value: unknown): boolean {
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  return Boolean(value);
}

function isEmptyValue(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

const NUMERIC = /^\s*-?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** A finite number, or a numeric string read as one; otherwise null. */
export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && value.length <= 64 && NUMERIC.test(value)) {
    const n = Number(value);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function looseEquals(a: unknown, b: unknown): boolean {
  if (a === undefined) a = null;
  if (b === undefined) b = null;
  if (a === b) return true;
  if (typeof a === 'number' && typeof b === 'string') return toNumber(b) === a;
  if (typeof a === 'string' && typeof b === 'number') return toNumber(a) === b;
  return false;
}

function compare(op: string, a: unknown, b: unknown): boolean | null {
  let x: number | string;
  let y: number | string;
  const na = toNumber(a);
  const nb = toNumber(b);
  if (na !== null && nb !== null) {
    x = na;
    y = nb;
  } else if (typeof a === 'string' && typeof b === 'string') {
    x = a;
    y = b;
  } else {
    return null;
  }
  switch (op) {
    case '<':
      return x < y;
    case '<=':
      return x <= y;
    case '>':
      return x > y;
    default:
      return x >= y;
  }
}

function numbersOf(values: unknown[]): number[] | null {
  const out: number[] = [];
  for (const v of values) {
    const n = toNumber(v);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date, or null. */
export function daysSinceEpoch(value: unknown): number | null {
  if (typeof value !== 'string' || !isCalendarDate(value)) return null;
  // 'YYYY-MM-DD': the shape isCalendarDate just checked
  return Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10))) / MS_PER_DAY;
}

interface Budget {
  nodes: number;
  /** set when a limit is hit: the whole rule then yields null, not a half-evaluated result */
  exceeded: boolean;
}

function evaluateAll(args: unknown[], scope: RuleScope, depth: number, budget: Budget): unknown[] {
  const out: unknown[] = new Array(args.length);
  for (let i = 0; i < args.length; i++) out[i] = evaluateNode(args[i], scope, depth, budget);
  return out;
}

function evaluateNode(node: unknown, scope: RuleScope, depth: number, budget: Budget): unknown {
  budget.nodes += 1;
  if (depth > MAX_RULE_DEPTH || budget.nodes > MAX_RULE_NODES) budget.exceeded = true;
  if (budget.exceeded) return null;
  if (node === null || typeof node === 'string' || typeof node === 'boolean') return node;
  if (typeof node === 'number') return Number.isFinite(node) ? node : null;
  if (Array.isArray(node)) return evaluateAll(node, scope, depth + 1, budget);
  if (!isOperatorNode(node)) return null;
  const op = onlyKey(node);
  const arity = op === null ? undefined : arityOf(op);
  if (op === null || arity === undefined) return null;
  const args = operandsOf(node[op]);
  if (args.length < arity[0] || args.length > arity[1]) return null;
  // plain calls rather than closures: a closure made per node costs more than the node itself
  const d = depth + 1;

  switch (op) {
    case 'var':
      return readVar(args[0], scope);
    case '==':
      return looseEquals(evaluateNode(args[0], scope, d, budget), evaluateNode(args[1], scope, d, budget));
    case '!=':
      return !looseEquals(evaluateNode(args[0], scope, d, budget), evaluateNode(args[1], scope, d, budget));
    case '<':
    case '<=':
    case '>':
    case '>=':
      return compare(op, evaluateNode(args[0], scope, d, budget), evaluateNode(args[1], scope, d, budget));
    case 'and': {
      for (let i = 0; i < args.length; i++) if (!isTruthy(evaluateNode(args[i], scope, d, budget))) return false;
      return true;
    }
    case 'or': {
      for (let i = 0; i < args.length; i++) if (isTruthy(evaluateNode(args[i], scope, d, budget))) return true;
      return false;
    }
    case '!':
      return !isTruthy(evaluateNode(args[0], scope, d, budget));
    case 'in': {
      const needle = evaluateNode(args[0], scope, d, budget);
      const haystack = evaluateNode(args[1], scope, d, budget);
      if (Array.isArray(haystack)) return haystack.some((item) => looseEquals(needle, item));
      if (typeof haystack === 'string' && typeof needle === 'string') return haystack.includes(needle);
      return null;
    }
    case 'if':
      return isTruthy(evaluateNode(args[0], scope, d, budget))
        ? evaluateNode(args[1], scope, d, budget)
        : evaluateNode(args[2], scope, d, budget);
    case '+': {
      const ns = numbersOf(evaluateAll(args, scope, d, budget));
      return ns ? finiteOrNull(ns.reduce((a, b) => a + b, 0)) : null;
    }
    case '*': {
      const ns = numbersOf(evaluateAll(args, scope, d, budget));
      return ns ? finiteOrNull(ns.reduce((a, b) => a * b, 1)) : null;
    }
    case '-': {
      const ns = numbersOf(evaluateAll(args, scope, d, budget));
      if (!ns) return null;
      const [a, b] = ns;
      if (a === undefined) return null;
      return finiteOrNull(b === undefined ? -a : a - b);
    }
    case '/': {
      const ns = numbersOf(evaluateAll(args, scope, d, budget));
      if (!ns) return null;
      const [a, b] = ns;
      if (a === undefined || b === undefined || b === 0) return null;
      return finiteOrNull(a / b);
    }
    case 'min':
    case 'max': {
      const ns = numbersOf(evaluateAll(args, scope, d, budget));
      return ns ? (op === 'min' ? Math.min(...ns) : Math.max(...ns)) : null;
    }
    case 'empty':
      return isEmptyValue(evaluateNode(args[0], scope, d, budget));
    case 'len': {
      const v = evaluateNode(args[0], scope, d, budget);
      if (typeof v === 'string') return charLength(v);
      if (Array.isArray(v)) return v.length;
      return null;
    }
    case 'concat': {
      let out = '';
      for (const v of evaluateAll(args, scope, d, budget)) {
        if (v === null) continue;
        if (typeof v === 'string') out += v;
        else if (typeof v === 'number') out += String(v);
        else return null;
        if (out.length > MAX_RULE_STRING) return null;
      }
      return out;
    }
    case 'today':
      return scope.today && isCalendarDate(scope.today) ? scope.today : todayInChina();
    case 'days':
      return daysSinceEpoch(evaluateNode(args[0], scope, d, budget));
    default:
      return null;
  }
}

/** Evaluates a rule against the scope. Never throws; malformed or oversized rules yield null. */
export function evaluateRule(rule: unknown, scope: RuleScope): unknown {
  try {
    const budget: Budget = { nodes: 0, exceeded: false };
    try {
      const result = evaluateNode(rule, scope, 1, budget);
      return budget.exceeded ? null : result;
    } finally {
      nodeVisits += budget.nodes;
    }
  } catch {
    return null;
  }
}

/** Evaluates a rule to a boolean (`null` and other falsy results are false). */
export function ruleHolds(rule: unknown, scope: RuleScope): boolean {
  return isTruthy(evaluateRule(rule, scope));
}

function childPath(base: string, op: string, index: number): string {
  const own = `${op}[${index}]`;
  return base ? `${base}.${own}` : own;
}

/** Every `{var}` in the rule with where it occurs (stops at the size limits). */
export function ruleVarRefs(rule: unknown): VarRef[] {
  const refs: VarRef[] = [];
  let nodes = 0;
  const walk = (node: unknown, path: string, depth: number): void => {
    nodes += 1;
    if (depth > MAX_RULE_DEPTH || nodes > MAX_RULE_NODES) return;
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, path ? `${path}[${i}]` : `[${i}]`, depth + 1));
      return;
    }
    if (!isOperatorNode(node)) return;
    const op = onlyKey(node);
    if (op === null || !Object.hasOwn(OPERATORS, op)) return;
    const args = operandsOf(node[op]);
    if (op === 'var') {
      if (typeof args[0] === 'string') refs.push({ name: args[0], path });
      return;
    }
    args.forEach((child, i) => walk(child, childPath(path, op, i), depth + 1));
  };
  walk(rule, '', 1);
  return refs;
}

/** The distinct field names a rule reads (`$row.x` kept as written). */
export function ruleVars(rule: unknown): string[] {
  return [...new Set(ruleVarRefs(rule).map((ref) => ref.name))];
}

/**
 * How many nodes one evaluation of the rule can visit at most: every node counted the way the
 * evaluator counts them (a `var` is one node, its name none), stopping past `MAX_RULE_NODES + 1`
 * as the evaluator does. `if`, `and` and `or` may visit fewer.
 */
export function ruleNodeCount(rule: unknown): number {
  let nodes = 0;
  const walk = (node: unknown, depth: number): void => {
    nodes += 1;
    if (depth > MAX_RULE_DEPTH || nodes > MAX_RULE_NODES) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    if (!isOperatorNode(node)) return;
    const op = onlyKey(node);
    if (op === null || op === 'var' || !Object.hasOwn(OPERATORS, op)) return;
    for (const child of operandsOf(node[op])) walk(child, depth + 1);
  };
  if (rule === undefined) return 0;
  walk(rule, 1);
  return Math.min(nodes, MAX_RULE_NODES + 1);
}

/** Structural problems of a rule: unknown operator, arity, depth, size, malformed `var`. */
export function checkRule(rule: unknown): RuleIssue[] {
  const issues: RuleIssue[] = [];
  let nodes = 0;
  let tooDeep = false;
  const walk = (node: unknown, path: string, depth: number): void => {
    nodes += 1;
    if (depth > MAX_RULE_DEPTH) {
      if (!tooDeep) issues.push({ path, message: `规则嵌套过深（最多 ${MAX_RULE_DEPTH} 层）` });
      tooDeep = true;
      return;
    }
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return;
    if (typeof node === 'number') {
      if (!Number.isFinite(node)) issues.push({ path, message: '数字必须是有限值' });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, path ? `${path}[${i}]` : `[${i}]`, depth + 1));
      return;
    }
    if (!isOperatorNode(node)) {
      issues.push({ path, message: '规则只能由字面值、数组和运算对象组成' });
      return;
    }
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      issues.push({ path, message: `运算对象必须恰好有一个运算符，实际有 ${keys.length} 个` });
      return;
    }
    const op = keys[0] ?? '';
    const arity = arityOf(op);
    if (!arity) {
      issues.push({ path, message: `未知的运算符「${op}」` });
      return;
    }
    const args = operandsOf(node[op]);
    const [min, max] = arity;
    if (args.length < min || args.length > max) {
      const expected = min === max ? `${min}` : max === MANY ? `至少 ${min}` : `${min}–${max}`;
      issues.push({ path, message: `运算符「${op}」需要 ${expected} 个参数，实际为 ${args.length} 个` });
      return;
    }
    if (op === 'var') {
      const name = args[0];
      const key = typeof name === 'string' && name.startsWith(ROW_PREFIX) ? name.slice(ROW_PREFIX.length) : name;
      if (typeof key !== 'string' || !FIELD_KEY.test(key) || FORBIDDEN_NAMES.has(key)) {
        issues.push({ path, message: 'var 的参数必须是字段键（或 $row.字段键）' });
      }
      return;
    }
    args.forEach((child, i) => walk(child, childPath(path, op, i), depth + 1));
  };
  walk(rule, '', 1);
  if (nodes > MAX_RULE_NODES) issues.push({ path: '', message: `规则过大（${nodes} 个节点，最多 ${MAX_RULE_NODES} 个）` });
  return issues;
}

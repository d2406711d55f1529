/**
 * The structured rule editor's model. What an admin picks becomes the engine's JSON rule tree and
 * an existing rule opens as the same picks:
 *  - a condition (visible-when, required-when, checks, the "if" of a formula) is a group of tests
 *    joined by and/or; a test compares a value with another ("毕业日期 晚于 入学日期", "违约金 ≤
 *    月薪 × 12"), asks whether it is empty, or whether it is one of a list; groups nest;
 *  - a value (either side of a test, or a computed field's formula) is a field, a number, a text,
 *    yes/no, today, arithmetic, min/max, joined text, a text's length, a date counted in days, or
 *    "if … then … otherwise …".
 * Together they cover the engine's operators, so the JSON view is only needed for the rare rule
 * built some other way (e.g. `!` of a whole group); `fromRule` answers null for those.
 */
import type { FieldDef, Rule } from './editor-engine';

export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'empty' | 'notEmpty';
export const OPERATORS: Operator[] = ['==', '!=', '>', '>=', '<', '<=', 'in', 'empty', 'notEmpty'];
const COMPARE = ['==', '!=', '>', '>=', '<', '<='] as const;

export type Arithmetic = '+' | '-' | '*' | '/' | 'min' | 'max' | 'concat';
export const ARITHMETIC: Arithmetic[] = ['+', '-', '*', '/', 'min', 'max', 'concat'];
/** operand counts the engine accepts */
export const ARITY: Record<Arithmetic, [number, number]> = {
  '+': [1, Infinity],
  '-': [1, 2],
  '*': [1, Infinity],
  '/': [2, 2],
  min: [1, Infinity],
  max: [1, Infinity],
  concat: [1, Infinity],
};

export type Expr =
  | { kind: 'field'; key: string }
  | { kind: 'number'; text: string }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'today' }
  | { kind: 'op'; op: Arithmetic; args: Expr[] }
  | { kind: 'days'; arg: Expr }
  | { kind: 'len'; arg: Expr }
  | { kind: 'if'; when: Cond; then: Expr; else: Expr };
export type ExprKind = Expr['kind'];

export type Cond =
  | { kind: 'group'; join: 'and' | 'or'; items: Cond[] }
  /** `right` is read for the comparisons, `list` (comma separated) for `in` */
  | { kind: 'test'; op: Operator; left: Expr; right: Expr; list: string };

export type CondGroup = Extract<Cond, { kind: 'group' }>;
export const emptyGroup = (): CondGroup => ({ kind: 'group', join: 'and', items: [] });
export const newTest = (): Cond => ({
  kind: 'test',
  op: '==',
  left: { kind: 'field', key: '' },
  right: { kind: 'text', text: '' },
  list: '',
});

/** The fields a rule may read, by the name it reads them with (`key`, or `$row.key` in a group row). */
export type FieldsByName = Map<string, FieldDef>;

// ── picks → rule ─────────────────────────────────────────────────────────────────

function literal(text: string, like: FieldDef | undefined): string | number {
  if (like?.type === 'number' && text.trim() !== '' && Number.isFinite(Number(text))) return Number(text);
  return text;
}

/** The rule of a value; `like` is the field on the other side of a comparison, which types a literal. */
export function exprToRule(e: Expr, fields: FieldsByName, like?: FieldDef): Rule {
  switch (e.kind) {
    case 'field':
      return { var: e.key };
    case 'number':
      return e.text.trim() !== '' && Number.isFinite(Number(e.text)) ? Number(e.text) : null;
    case 'text':
      return literal(e.text, like);
    case 'bool':
      return e.value;
    case 'today':
      return { today: [] };
    case 'op':
      return { [e.op]: e.args.map((a) => exprToRule(a, fields)) };
    case 'days':
      return { days: [exprToRule(e.arg, fields)] };
    case 'len':
      return { len: [exprToRule(e.arg, fields)] };
    case 'if':
      return { if: [condToRule(e.when, fields) ?? true, exprToRule(e.then, fields), exprToRule(e.else, fields)] };
  }
}

const fieldOf = (e: Expr, fields: FieldsByName) => (e.kind === 'field' ? fields.get(e.key) : undefined);
/** A test whose left side is a field not yet picked is still being filled in: it makes no rule yet. */
const unfinished = (c: Cond) => c.kind === 'test' && c.left.kind === 'field' && c.left.key === '';

/** The rule of a condition; undefined when nothing is picked (no rule: always shown / never required). */
export function condToRule(c: Cond, fields: FieldsByName): Rule | undefined {
  if (c.kind === 'group') {
    const parts = c.items
      .filter((i) => !unfinished(i))
      .map((i) => condToRule(i, fields))
      .filter((r): r is Rule => r !== undefined);
    if (parts.length === 0) return undefined;
    return parts.length === 1 ? parts[0] : { [c.join]: parts };
  }
  if (unfinished(c)) return undefined;
  const left = exprToRule(c.left, fields, fieldOf(c.right, fields));
  if (c.op === 'empty') return { empty: [left] };
  if (c.op === 'notEmpty') return { '!': [{ empty: [left] }] };
  if (c.op === 'in')
    return {
      in: [
        left,
        c.list
          .split(/[,，]/)
          .map((s) => s.trim())
          .filter(Boolean),
      ],
    };
  return { [c.op]: [left, exprToRule(c.right, fields, fieldOf(c.left, fields))] };
}

// ── rule → picks ─────────────────────────────────────────────────────────────────

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const single = (v: unknown): [string, unknown] | null => (isObj(v) && Object.keys(v).length === 1 ? (Object.entries(v)[0] ?? null) : null);
const operands = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

export function exprFromRule(rule: unknown): Expr | null {
  if (typeof rule === 'number') return { kind: 'number', text: String(rule) };
  if (typeof rule === 'string') return { kind: 'text', text: rule };
  if (typeof rule === 'boolean') return { kind: 'bool', value: rule };
  const e = single(rule);
  if (!e) return null;
  const [op, raw] = e;
  const args = operands(raw);
  if (op === 'var') return typeof args[0] === 'string' && args.length === 1 ? { kind: 'field', key: args[0] } : null;
  if (op === 'today') return args.length === 0 || raw === null ? { kind: 'today' } : null;
  if (op === 'days' || op === 'len') {
    const arg = args.length === 1 ? exprFromRule(args[0]) : null;
    return arg ? { kind: op, arg } : null;
  }
  if (op === 'if') {
    if (args.length !== 3) return null;
    const [when, then, otherwise] = [condFromRule(args[0]), exprFromRule(args[1]), exprFromRule(args[2])];
    return when && then && otherwise ? { kind: 'if', when, then, else: otherwise } : null;
  }
  if ((ARITHMETIC as string[]).includes(op)) {
    const [min, max] = ARITY[op as Arithmetic];
    if (args.length < min || args.length > max) return null;
    const parsed = args.map(exprFromRule);
    return parsed.every(Boolean) ? { kind: 'op', op: op as Arithmetic, args: parsed as Expr[] } : null;
  }
  return null;
}

function testFromRule(rule: unknown): Cond | null {
  const e = single(rule);
  if (!e) return null;
  const [op, raw] = e;
  const args = operands(raw);
  const blank: Expr = { kind: 'text', text: '' };
  if (op === 'empty' && args.length === 1) {
    const left = exprFromRule(args[0]);
    return left ? { kind: 'test', op: 'empty', left, right: blank, list: '' } : null;
  }
  if (op === '!' && args.length === 1) {
    const inner = single(args[0]);
    const innerArgs = inner ? operands(inner[1]) : [];
    const left = inner && inner[0] === 'empty' && innerArgs.length === 1 ? exprFromRule(innerArgs[0]) : null;
    return left ? { kind: 'test', op: 'notEmpty', left, right: blank, list: '' } : null;
  }
  if (op === 'in' && args.length === 2 && Array.isArray(args[1]) && args[1].every((x) => typeof x === 'string' && !/[,，]/.test(x))) {
    const left = exprFromRule(args[0]);
    return left ? { kind: 'test', op: 'in', left, right: blank, list: (args[1] as string[]).join(',') } : null;
  }
  if ((COMPARE as readonly string[]).includes(op) && args.length === 2) {
    const [left, right] = [exprFromRule(args[0]), exprFromRule(args[1])];
    return left && right ? { kind: 'test', op: op as Operator, left, right, list: '' } : null;
  }
  return null;
}

/** A condition as picks: always a group at the top. Null when only the JSON view can show it. */
export function condFromRule(rule: unknown): Cond | null {
  if (rule === undefined || rule === true) return emptyGroup();
  const e = single(rule);
  if (e && (e[0] === 'and' || e[0] === 'or') && Array.isArray(e[1]) && e[1].length > 0) {
    const items = e[1].map((r) => {
      const inner = single(r);
      return inner && (inner[0] === 'and' || inner[0] === 'or') ? condFromRule(r) : testFromRule(r);
    });
    return items.every(Boolean) ? { kind: 'group', join: e[0], items: items as Cond[] } : null;
  }
  const test = testFromRule(rule);
  return test ? { kind: 'group', join: 'and', items: [test] } : null;
}

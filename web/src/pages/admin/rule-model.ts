/**
 * The structured rule editor's model: conditions "field operator value" joined by and/or, turned
 * into the engine's JSON rule tree and back. A rule that does not fit this shape (arithmetic,
 * nested groups) is left to the raw JSON view.
 */
import type { FieldDef, Rule } from './editor-engine';

export type Operator = '==' | '!=' | '>' | '>=' | '<' | '<=' | 'in' | 'empty' | 'notEmpty';
export const OPERATORS: Operator[] = ['==', '!=', '>', '>=', '<', '<=', 'in', 'empty', 'notEmpty'];

export interface Condition {
  field: string;
  op: Operator;
  value: string;
}

export interface SimpleRule {
  join: 'and' | 'or';
  conditions: Condition[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const single = (v: unknown): [string, unknown] | null => (isObj(v) && Object.keys(v).length === 1 ? Object.entries(v)[0] : null);
const varName = (v: unknown): string | null => {
  const e = single(v);
  return e && e[0] === 'var' && typeof e[1] === 'string' ? e[1] : null;
};
const operands = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

function typed(value: string, field: FieldDef | undefined): string | number | boolean {
  if (field?.type === 'number' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (value === 'true' || value === 'false') return value === 'true';
  return value;
}

function conditionRule(c: Condition, fields: Map<string, FieldDef>): Rule {
  const v = { var: c.field };
  if (c.op === 'empty') return { empty: [v] };
  if (c.op === 'notEmpty') return { '!': [{ empty: [v] }] };
  if (c.op === 'in') return { in: [v, c.value.split(/[,，]/).map((s) => s.trim()).filter(Boolean)] };
  return { [c.op]: [v, typed(c.value, fields.get(c.field))] };
}

export function toRule(simple: SimpleRule, fields: Map<string, FieldDef>): Rule | undefined {
  const parts = simple.conditions.filter((c) => c.field).map((c) => conditionRule(c, fields));
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { [simple.join]: parts };
}

function toCondition(rule: unknown): Condition | null {
  const e = single(rule);
  if (!e) return null;
  const [op, arg] = e;
  if (op === 'empty') {
    const f = varName(operands(arg)[0]);
    return f ? { field: f, op: 'empty', value: '' } : null;
  }
  if (op === '!') {
    const inner = single(operands(arg)[0]);
    const f = inner && inner[0] === 'empty' ? varName(operands(inner[1])[0]) : null;
    return f ? { field: f, op: 'notEmpty', value: '' } : null;
  }
  const [left, right] = operands(arg);
  const f = varName(left);
  if (!f) return null;
  if (op === 'in' && Array.isArray(right) && right.every((x) => typeof x === 'string')) return { field: f, op: 'in', value: right.join(',') };
  if ((OPERATORS as string[]).includes(op) && op !== 'in' && ['string', 'number', 'boolean'].includes(typeof right)) {
    return { field: f, op: op as Operator, value: String(right) };
  }
  return null;
}

/** The structured form of `rule`, or null when only the JSON view can show it. */
export function fromRule(rule: Rule | undefined): SimpleRule | null {
  if (rule === undefined) return { join: 'and', conditions: [] };
  const e = single(rule);
  if (e && (e[0] === 'and' || e[0] === 'or') && Array.isArray(e[1])) {
    const conditions = e[1].map(toCondition);
    return conditions.every(Boolean) ? { join: e[0], conditions: conditions as Condition[] } : null;
  }
  const c = toCondition(rule);
  return c ? { join: 'and', conditions: [c] } : null;
}

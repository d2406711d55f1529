/**
 * The derived state of a form's values: which fields are hidden by `visibleWhen` (their own or
 * their section's), and the recomputed `computed` fields.
 *
 * Hidden fields count as empty for every rule, so a field that depends on a hidden one sees
 * nothing. Hiding can cascade, so visibility is iterated to a fixed point (bounded; a
 * definition whose rules flip-flop settles on the last round).
 */
import { todayInChina } from './dates';
import { fieldEntries } from './fields';
import { evaluateRule, ruleHolds, ruleVars, type RuleScope } from './rules';
import type { FieldDef, FormDefinition, Values } from './types';

/** Visibility settles within this many rounds (a flip-flopping definition stops on the last). */
export const MAX_VISIBILITY_ROUNDS = 8;
const ROW_PREFIX = '$row.';

/** Fields ordered so each computed field comes after the computed fields it reads. */
export function computedOrder(fields: FieldDef[], rowScope: boolean): FieldDef[] {
  const computed = fields.filter((f) => f.computed !== undefined);
  const byKey = new Map(computed.map((f) => [f.key, f]));
  const order: FieldDef[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (field: FieldDef): void => {
    if (state.has(field.key)) return; // done, or a cycle (rejected by the definition check)
    state.set(field.key, 'visiting');
    for (const name of ruleVars(field.computed)) {
      const key = rowScope ? (name.startsWith(ROW_PREFIX) ? name.slice(ROW_PREFIX.length) : null) : name;
      const dep = key === null ? undefined : byKey.get(key);
      if (dep) visit(dep);
    }
    state.set(field.key, 'done');
    order.push(field);
  };
  computed.forEach(visit);
  return order;
}

const orderCache = new WeakMap<object, FieldDef[]>();

function topComputedOrder(def: FormDefinition): FieldDef[] {
  let hit = orderCache.get(def);
  if (!hit) {
    hit = computedOrder(
      fieldEntries(def).map((e) => e.field),
      false,
    );
    orderCache.set(def, hit);
  }
  return hit;
}

/** Rounds computed numbers to the field's declared decimals, so they pass the field's own rules. */
function computedValue(field: FieldDef, result: unknown): unknown {
  if (result === null || result === undefined) return undefined;
  if (typeof result === 'number' && field.type === 'number' && typeof field.decimals === 'number') {
    const factor = 10 ** Math.min(Math.max(field.decimals, 0), 10);
    return Math.round(result * factor) / factor;
  }
  return result;
}

/** Writes computed fields into `target` (in place), in dependency order. */
export function applyComputed(ordered: FieldDef[], target: Record<string, unknown>, scope: RuleScope, skip?: Set<string>): void {
  for (const field of ordered) {
    if (skip?.has(field.key)) continue;
    const value = computedValue(field, evaluateRule(field.computed, scope));
    if (value === undefined) Reflect.deleteProperty(target, field.key);
    else target[field.key] = value;
  }
}

export interface FormState {
  /** values with hidden fields removed and computed fields recomputed */
  values: Values;
  /** keys of top-level fields hidden by visibleWhen (theirs or their section's) */
  hidden: Set<string>;
}

function hiddenBy(def: FormDefinition, scope: RuleScope): Set<string> {
  const hidden = new Set<string>();
  const sectionShown = new Map<object, boolean>();
  for (const { field, section } of fieldEntries(def)) {
    let shown = sectionShown.get(section);
    if (shown === undefined) {
      shown = section.visibleWhen === undefined || ruleHolds(section.visibleWhen, scope);
      sectionShown.set(section, shown);
    }
    if (!shown || (field.visibleWhen !== undefined && !ruleHolds(field.visibleWhen, scope))) hidden.add(field.key);
  }
  return hidden;
}

function sameSet(a: Set<string>, b: Set<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

/** Only the definition's top-level fields are copied, so stray keys never reach the result. */
function pick(def: FormDefinition, source: Values, hidden: Set<string>): Values {
  const out: Values = {};
  for (const { field } of fieldEntries(def)) {
    if (!hidden.has(field.key) && Object.hasOwn(source, field.key) && source[field.key] !== undefined) {
      out[field.key] = source[field.key];
    }
  }
  return out;
}

/** Visibility and computed values of `values` (which must already hold only trusted keys). */
export function resolveFormState(def: FormDefinition, values: Values, today: string): FormState {
  const ordered = topComputedOrder(def);
  let hidden = new Set<string>();
  for (let round = 0; round < MAX_VISIBILITY_ROUNDS; round++) {
    const current = pick(def, values, hidden);
    applyComputed(ordered, current, { values: current, today }, hidden);
    const next = hiddenBy(def, { values: current, today });
    if (sameSet(next, hidden)) return { values: current, hidden };
    hidden = next;
  }
  const settled = pick(def, values, hidden);
  applyComputed(ordered, settled, { values: settled, today }, hidden);
  return { values: settled, hidden };
}

/** `required`, or `requiredWhen` holding for these values. */
export function isRequired(field: FieldDef, scope: RuleScope): boolean {
  if (field.required === true) return true;
  return field.requiredWhen !== undefined && ruleHolds(field.requiredWhen, scope);
}

export interface FormView {
  values: Values;
  /** top-level field keys hidden by visibleWhen */
  hidden: string[];
  /** visible top-level field keys that must be filled now */
  required: string[];
}

/**
 * What a form looks like for these values, for rendering as the user types: hidden fields,
 * required ones, and computed values. Access is separate (see `fieldAccess`).
 */
export function evaluateForm(def: FormDefinition, values: Values, options: { today?: string } = {}): FormView {
  const today = options.today ?? todayInChina();
  const state = resolveFormState(def, values, today);
  const scope = { values: state.values, today };
  const required = fieldEntries(def)
    .filter(({ field }) => !state.hidden.has(field.key) && field.computed === undefined && isRequired(field, scope))
    .map(({ field }) => field.key);
  return { values: state.values, hidden: [...state.hidden], required };
}

/**
 * Server-authoritative validation of one submission (the web app runs the same code as the user
 * types).
 *
 *  1. Merge: start from `ctx.previous`; take the incoming value only for fields the actor may
 *     edit in this workflow step (and that are not computed). Unknown keys are dropped.
 *  2. Derive: drop fields hidden by `visibleWhen` (theirs or their section's) — even stored
 *     ones — and recompute computed fields; a client-sent computed value is ignored.
 *  3. Check the visible fields the actor may edit: required / requiredWhen, then the type rules.
 *     Fields the actor cannot edit are not the actor's responsibility and are not checked.
 *  4. Run the definition's cross-field `checks` for this step.
 *
 * Never throws, whatever `values` holds: odd input becomes an error, not an exception.
 */
import { fieldAccess } from './access';
import { groupMaxRows } from './cost';
import { isCalendarDate, todayInChina } from './dates';
import { checkFieldValue, requiredMessage, type ValueContext } from './field-value';
import { fieldEntries } from './fields';
import { applyComputed, computedOrder, isRequired, resolveFormState } from './form-state';
import { oversizeProblems } from './input-bounds';
import { ruleHolds, type RuleScope } from './rules';
import type { FieldDef, FieldError, FormDefinition, ValidationContext, ValidationResult, Values } from './types';
import { cleanScalar, isMissing, isRecord, ownValue } from './values';

export { DEFAULT_MAX_ITEMS } from './cost';

/** Keeps only the group's own (non-computed) sub-fields of a row, cleaned. */
function cleanRow(group: FieldDef, row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const sub of group.fields ?? []) {
    if (sub.computed !== undefined || !Object.hasOwn(row, sub.key)) continue;
    const value = cleanValue(sub, row[sub.key]);
    if (value !== undefined) out[sub.key] = value;
  }
  return out;
}

/** Trims strings, turns blanks and empty lists into undefined, rebuilds group rows. */
function cleanValue(field: FieldDef, raw: unknown): unknown {
  if (Array.isArray(raw)) {
    if (raw.length === 0) return undefined;
    if (field.type === 'group') return raw.map((row: unknown) => (isRecord(row) ? cleanRow(field, row) : row));
    return raw.map((item: unknown) => (typeof item === 'string' ? item.trim() : item));
  }
  return cleanScalar(raw);
}

interface Run {
  def: FormDefinition;
  today: string;
  errors: FieldError[];
  valueCtx: ValueContext;
  /** a draft save: required values and cross-field checks wait for the submission */
  draft: boolean;
}

/** Validates (and normalises) one present non-group value at `path`. */
function checkInto(run: Run, field: FieldDef, target: Record<string, unknown>, path: string): void {
  const checked = checkFieldValue(field, target[field.key], run.valueCtx);
  target[field.key] = checked.value;
  if (checked.error) run.errors.push({ path, ...checked.error });
}

const rowOrderCache = new WeakMap<FieldDef, FieldDef[]>();

/** A group's computed sub-fields in dependency order, worked out once per definition, not per row. */
function rowComputedOrder(group: FieldDef): FieldDef[] {
  let hit = rowOrderCache.get(group);
  if (!hit) {
    hit = computedOrder(group.fields ?? [], true);
    rowOrderCache.set(group, hit);
  }
  return hit;
}

/** Drops a row's hidden sub-fields and recomputes its computed ones (in place); returns the hidden keys. */
function deriveRow(group: FieldDef, row: Record<string, unknown>, values: Values, today: string): Set<string> {
  const subs = group.fields ?? [];
  const ordered = rowComputedOrder(group);
  const scope: RuleScope = { values, row, today };
  applyComputed(ordered, row, scope);
  const hidden = new Set(subs.filter((s) => s.visibleWhen !== undefined && !ruleHolds(s.visibleWhen, scope)).map((s) => s.key));
  for (const key of hidden) Reflect.deleteProperty(row, key);
  applyComputed(ordered, row, scope, hidden);
  return hidden;
}

function checkRow(run: Run, group: FieldDef, row: Record<string, unknown>, path: string, values: Values): void {
  const subs = group.fields ?? [];
  const hidden = deriveRow(group, row, values, run.today);
  const scope: RuleScope = { values, row, today: run.today };
  for (const sub of subs) {
    if (hidden.has(sub.key) || sub.computed !== undefined) continue;
    const subPath = `${path}.${sub.key}`;
    if (isMissing(row[sub.key])) {
      Reflect.deleteProperty(row, sub.key);
      if (!run.draft && isRequired(sub, scope)) run.errors.push({ path: subPath, code: 'required', message: requiredMessage(sub) });
      continue;
    }
    checkInto(run, sub, row, subPath);
  }
}

function checkGroup(run: Run, group: FieldDef, values: Values): void {
  const key = group.key;
  const rows = values[key];
  if (!Array.isArray(rows)) {
    run.errors.push({ path: key, code: 'type', message: `${group.label}的数据格式不正确` });
    return;
  }
  const max = groupMaxRows(group);
  if (rows.length > max) {
    run.errors.push({ path: key, code: 'items', message: `${group.label}最多 ${max} 条` });
    return;
  }
  if (typeof group.minItems === 'number' && rows.length < group.minItems) {
    run.errors.push({ path: key, code: 'items', message: `${group.label}至少 ${group.minItems} 条` });
  }
  rows.forEach((row, i) => {
    if (!isRecord(row)) {
      run.errors.push({ path: `${key}.${i}`, code: 'type', message: `${group.label}第 ${i + 1} 条的数据格式不正确` });
      return;
    }
    checkRow(run, group, row, `${key}.${i}`, values);
  });
}

function runValidation(def: FormDefinition, input: unknown, ctx: ValidationContext): ValidationResult {
  const today = isCalendarDate(ctx.today) ? ctx.today : todayInChina();
  const run: Run = { def, today, errors: [], valueCtx: { def, today }, draft: ctx.draft === true };
  const previous = isRecord(ctx.previous) ? ctx.previous : {};
  const incoming = isRecord(input) ? input : {};
  if (input !== undefined && input !== null && !isRecord(input)) {
    run.errors.push({ path: '', code: 'type', message: '提交的表单数据格式不正确' });
  }

  const merged: Values = {};
  const editable = new Set<string>();
  // values too large to run rules on: refused with their error, then left out of everything else
  const refused = new Set<string>();
  for (const { field } of fieldEntries(def)) {
    if (field.computed !== undefined) continue;
    const mayEdit = fieldAccess(def, field.key, ctx.role, ctx.step) === 'edit';
    if (mayEdit) editable.add(field.key);
    const source = mayEdit && Object.hasOwn(incoming, field.key) ? incoming : previous;
    const raw = ownValue(source, field.key);
    if (source === incoming) {
      const problems = oversizeProblems(field, raw, run.valueCtx, field.key);
      if (problems.length > 0) {
        run.errors.push(...problems);
        refused.add(field.key);
        continue;
      }
    }
    const value = cleanValue(field, raw);
    if (value !== undefined) merged[field.key] = value;
  }

  const { values, hidden } = resolveFormState(def, merged, today);
  const scope: RuleScope = { values, today };
  for (const { field } of fieldEntries(def)) {
    if (hidden.has(field.key) || refused.has(field.key)) continue;
    if (!editable.has(field.key)) {
      // Stored rows are not the actor's to fix, but their derived sub-fields must stay current.
      const rows = values[field.key];
      if (field.type === 'group' && Array.isArray(rows)) {
        for (const row of rows) if (isRecord(row)) deriveRow(field, row, values, today);
      }
      continue;
    }
    if (isMissing(values[field.key])) {
      Reflect.deleteProperty(values, field.key);
      if (!run.draft && isRequired(field, scope)) {
        run.errors.push({ path: field.key, code: field.type === 'group' ? 'items' : 'required', message: requiredMessage(field) });
      }
      continue;
    }
    if (field.type === 'group') checkGroup(run, field, values);
    else checkInto(run, field, values, field.key);
  }

  // the top-level field of each error ('contacts' for 'contacts.1.phone'), looked up per check
  const inError = new Set(run.errors.map((e) => e.path.split('.', 1)[0]));
  for (const check of Array.isArray(def.checks) && !run.draft ? def.checks : []) {
    if (Array.isArray(check.steps) && !check.steps.includes(ctx.step)) continue;
    if (hidden.has(check.field)) continue;
    // A field already in error gets that message first; the cross-field one can wait.
    if (inError.has(check.field)) continue;
    if (!ruleHolds(check.rule, { values, today })) {
      run.errors.push({ path: check.field, code: 'check', message: check.message });
      inError.add(check.field);
    }
  }

  return { ok: run.errors.length === 0, values, errors: run.errors };
}

/** Validates `values` submitted by `ctx.role` in workflow step `ctx.step`. Never throws. */
export function validate(def: FormDefinition, values: unknown, ctx: ValidationContext): ValidationResult {
  try {
    return runValidation(def, values, ctx);
  } catch {
    return { ok: false, values: {}, errors: [{ path: '', code: 'type', message: '提交的数据无法处理，请检查后重试' }] };
  }
}

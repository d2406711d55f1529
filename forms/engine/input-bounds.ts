/**
 * Size bounds of a submitted value, checked before any rule sees it. Rules run on every value
 * (visibility, computed fields) before the per-field checks, so without this a rule reading an
 * oversized value — a megabyte string, a group with 200,000 rows, a text field holding a huge
 * object — would do work in proportion to it once per rule node, per row.
 *
 * A value is bounded when a correct value of its field could look like it:
 *  - a string at most twice the field's length cap in UTF-16 units (a code point is 1–2 units);
 *  - a number or boolean;
 *  - an array only for a group (rows ≤ maxItems, each row's values bounded by its sub-field),
 *    a file field (≤ maxFiles short ids) or a multiple select (≤ the codes in its table);
 *  - nothing else (an object or array where a scalar belongs).
 * An unbounded value is refused with the error its field's own check gives, so users see the
 * same message either way.
 */
import { codeCount, resolveCodeTable } from './codes';
import { groupMaxRows, lengthCap } from './cost';
import { checkFieldValue, DEFAULT_MAX_FILES, type ValueContext } from './field-value';
import type { FieldDef, FieldError } from './types';
import { isRecord } from './values';

/** Longest file id or code a list may hold (file ids are ≤ 128, codes ≤ 32). */
const MAX_ITEM_LENGTH = 128;

function listCap(field: FieldDef, ctx: ValueContext): number {
  if (field.type === 'file') return typeof field.maxFiles === 'number' ? field.maxFiles : DEFAULT_MAX_FILES;
  if (field.type === 'select' && field.multiple === true) {
    const table = field.codeTable ? resolveCodeTable(ctx.def, field.codeTable) : undefined;
    return table ? codeCount(table) : 0;
  }
  return 0;
}

function isShortItem(item: unknown): boolean {
  return (typeof item === 'string' && item.length <= MAX_ITEM_LENGTH) || typeof item === 'number';
}

function isBounded(field: FieldDef, value: unknown, ctx: ValueContext): boolean {
  if (value === undefined || value === null || typeof value === 'number' || typeof value === 'boolean') return true;
  if (typeof value === 'string') return value.length <= 2 * lengthCap(field);
  if (Array.isArray(value)) return value.length <= listCap(field, ctx) && value.every(isShortItem);
  return false;
}

/** The error a too-large value of a (non-group) field gets: its own check's, or a length one. */
function refusal(field: FieldDef, value: unknown, ctx: ValueContext, path: string): FieldError {
  // the field's own check is linear in the value and stops at the first problem
  const own = checkFieldValue(field, value, ctx).error;
  if (own) return { path, ...own };
  return { path, code: 'maxLength', message: `${field.label}的内容过长` };
}

/**
 * Problems of a submitted value that is too large to run rules on; [] when it is bounded.
 * Linear in the value's size, whatever the definition.
 */
export function oversizeProblems(field: FieldDef, value: unknown, ctx: ValueContext, path: string): FieldError[] {
  if (field.type !== 'group') return isBounded(field, value, ctx) ? [] : [refusal(field, value, ctx, path)];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) return [{ path, code: 'type', message: `${field.label}的数据格式不正确` }];
  const max = groupMaxRows(field);
  if (value.length > max) return [{ path, code: 'items', message: `${field.label}最多 ${max} 条` }];
  const problems: FieldError[] = [];
  value.forEach((row, i) => {
    if (!isRecord(row)) {
      problems.push({ path: `${path}.${i}`, code: 'type', message: `${field.label}第 ${i + 1} 条的数据格式不正确` });
      return;
    }
    for (const sub of field.fields ?? []) {
      if (!Object.hasOwn(row, sub.key) || sub.type === 'group') continue;
      const v = row[sub.key];
      if (!isBounded(sub, v, ctx)) problems.push(refusal(sub, v, ctx, `${path}.${i}.${sub.key}`));
    }
  });
  return problems;
}

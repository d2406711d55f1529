/**
 * Declared copies between forms, e.g. the dispatch report prefilled from the agreement:
 * `mappings: [{ from: 'agreement', fields: { employerName: 'unitName' } }]`.
 */
import { findFieldEntry } from './fields';
import type { FormDefinition, Values } from './types';
import { isRecord } from './values';
import { uncheckedList } from './unchecked';

/** Copies plain data only: group rows become fresh objects without prototype-named keys. */
function copyValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((item: unknown) => (isRecord(item) ? copyRow(item) : item));
  return isRecord(value) ? undefined : value;
}

function copyRow(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    const value = row[key];
    if (!isRecord(value)) out[key] = Array.isArray(value) ? value.slice() : value;
  }
  return out;
}

/**
 * Values for `def` taken from a record of form `fromKey`, following `def.mappings`. Only
 * top-level fields of `def` are filled; missing source values are left out.
 */
export function applyMappings(def: FormDefinition, fromKey: string, sourceValues: unknown): Values {
  const out: Values = {};
  if (!isRecord(sourceValues)) return out;
  for (const mapping of uncheckedList(def.mappings)) {
    if (!mapping || mapping.from !== fromKey || !isRecord(mapping.fields)) continue;
    for (const [targetKey, sourceKey] of Object.entries(mapping.fields)) {
      const target = findFieldEntry(def, targetKey);
      if (!target || target.group || typeof sourceKey !== 'string' || !Object.hasOwn(sourceValues, sourceKey)) continue;
      const value = copyValue(sourceValues[sourceKey]);
      if (value !== undefined && value !== null) out[targetKey] = value;
    }
  }
  return out;
}

/**
 * Flat views of a definition's fields. Definitions are treated as immutable (a published version
 * never changes; the editor builds a new object per edit), so each view is computed once per
 * definition object.
 */
import type { FieldDef, FormDefinition, SectionDef, StepDef } from './types';
import { uncheckedList } from './unchecked';

export interface FieldEntry {
  field: FieldDef;
  section: SectionDef;
  step: StepDef;
  /** the group this field is a sub-field of, if any */
  group?: FieldDef;
  /** JSON-ish path of the field in the definition, e.g. 'steps[0].sections[1].rows[0][2]' */
  path: string;
}

interface FieldIndex {
  /** top-level fields in definition order */
  top: FieldEntry[];
  /** every field by key, group sub-fields included */
  byKey: Map<string, FieldEntry>;
}

const cache = new WeakMap<object, FieldIndex>();

function build(def: FormDefinition): FieldIndex {
  const top: FieldEntry[] = [];
  const byKey = new Map<string, FieldEntry>();
  uncheckedList(def.steps).forEach((step, si) => {
    if (!step) return;
    uncheckedList(step.sections).forEach((section, ci) => {
      if (!section) return;
      uncheckedList(section.rows).forEach((row, ri) => {
        uncheckedList(row).forEach((field, fi) => {
          if (typeof field !== 'object' || field === null || typeof field.key !== 'string') return;
          const path = `steps[${si}].sections[${ci}].rows[${ri}][${fi}]`;
          const entry: FieldEntry = { field, section, step, path };
          top.push(entry);
          if (!byKey.has(field.key)) byKey.set(field.key, entry);
          uncheckedList(field.type === 'group' ? field.fields : undefined).forEach((sub, i) => {
            if (typeof sub !== 'object' || sub === null || typeof sub.key !== 'string' || byKey.has(sub.key)) return;
            byKey.set(sub.key, { field: sub, section, step, group: field, path: `${path}.fields[${i}]` });
          });
        });
      });
    });
  });
  return { top, byKey };
}

function fieldIndex(def: FormDefinition): FieldIndex {
  let hit = cache.get(def);
  if (!hit) {
    hit = build(def);
    cache.set(def, hit);
  }
  return hit;
}

/** Top-level fields in definition order (group sub-fields stay inside their group). */
export function allFields(def: FormDefinition): FieldDef[] {
  return fieldIndex(def).top.map((entry) => entry.field);
}

/** Top-level fields with their step, section and path. */
export function fieldEntries(def: FormDefinition): FieldEntry[] {
  return fieldIndex(def).top;
}

/** A field by key, group sub-fields included. */
export function findField(def: FormDefinition, key: string): FieldDef | undefined {
  return fieldIndex(def).byKey.get(key)?.field;
}

export function findFieldEntry(def: FormDefinition, key: string): FieldEntry | undefined {
  return fieldIndex(def).byKey.get(key);
}

/** The declared `default`s of top-level fields, for prefilling a new record (validate never applies them). */
export function defaultValues(def: FormDefinition): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { field } of fieldIndex(def).top) {
    if (field.default !== undefined && field.default !== null && field.computed === undefined) out[field.key] = field.default;
  }
  return out;
}

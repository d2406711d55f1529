/** Edits of a definition's layout. Each returns a new definition: the engine memoises per object. */
import { FIELD_OPTION_TYPES, type FieldDef, type FieldType, type FormDefinition, type SectionDef, type StepDef } from './editor-engine';

export type Edit = (d: FormDefinition) => void;

export function applyEdit(def: FormDefinition, edit: Edit): FormDefinition {
  const next = structuredClone(def);
  edit(next);
  return next;
}

export function move<T>(list: T[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  const [item] = list.splice(from, 1);
  list.splice(to, 0, item);
}

/** Every key in use: steps, sections, fields (group sub-fields too, they share one namespace) and code tables. */
function usedKeys(def: FormDefinition): Set<string> {
  const used = new Set<string>();
  for (const t of def.codeTables ?? []) used.add(t.key);
  for (const s of def.steps) {
    used.add(s.key);
    for (const c of s.sections) {
      used.add(c.key);
      for (const r of c.rows) for (const f of r) { used.add(f.key); for (const sub of f.fields ?? []) used.add(sub.key); }
    }
  }
  return used;
}

export function freeKey(def: FormDefinition, base: string): string {
  const used = usedKeys(def);
  let n = 1;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

export const newField = (def: FormDefinition): FieldDef => ({ key: freeKey(def, 'field'), type: 'text', label: '新字段' });
export const newSection = (def: FormDefinition): SectionDef => ({ key: freeKey(def, 'section'), label: '新分节', rows: [] });
export const newStep = (def: FormDefinition): StepDef => ({ key: freeKey(def, 'page'), label: '新页', sections: [] });

/**
 * The field with another type: options the new type does not take are dropped (a select's code
 * table means nothing to a date), and a new group starts with one sub-field to fill in.
 */
export function withType(def: FormDefinition, field: FieldDef, type: FieldType): FieldDef {
  const next = { ...field, type } as Record<string, unknown>;
  for (const [prop, types] of Object.entries(FIELD_OPTION_TYPES)) if (!types.includes(type)) delete next[prop];
  if (field.type !== type) delete next.default;
  if (type === 'group' && !Array.isArray(next.fields)) next.fields = [{ ...newField(def), key: freeKey(def, `${field.key}Item`) }];
  return next as unknown as FieldDef;
}

// ── rows: fields side by side ─────────────────────────────────────────────────────

/** Puts the first field of row `ri` at the end of the row above, so they show side by side. */
export function joinRowAbove(rows: FieldDef[][], ri: number, fi: number): void {
  if (ri === 0) return;
  const [field] = rows[ri].splice(fi, 1);
  rows[ri - 1].push(field);
  if (rows[ri].length === 0) rows.splice(ri, 1);
}

/** Takes a field out of its row into a row of its own, right below. */
export function splitIntoOwnRow(rows: FieldDef[][], ri: number, fi: number): void {
  if (rows[ri].length < 2) return;
  const [field] = rows[ri].splice(fi, 1);
  rows.splice(ri + 1, 0, [field]);
}

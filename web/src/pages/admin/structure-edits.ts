/** Edits of a definition's layout. Each returns a new definition: the engine memoises per object. */
import { FIELD_OPTION_TYPES, type FieldDef, type FieldType, type FormDefinition, type SectionDef, type StepDef } from './editor-engine';

export type Edit = (d: FormDefinition) => void;

export function applyEdit(def: FormDefinition, edit: Edit): FormDefinition {
  const next = structuredClone(def);
  edit(next);
  return next;
}

/**
 * The item at `i` of a list in the definition being edited. The editor only offers positions it
 * has just drawn, so a missing one is a bug, reported as such.
 */
export function nth<T>(list: T[] | undefined, i: number): T {
  const item = list?.[i];
  if (item === undefined) throw new Error(`No item ${i} to edit`);
  return item;
}

export function move(list: unknown[], from: number, to: number): void {
  if (to < 0 || to >= list.length) return;
  list.splice(to, 0, ...list.splice(from, 1));
}

/** Every key in use: steps, sections, fields (group sub-fields too, they share one namespace) and code tables. */
function usedKeys(def: FormDefinition): Set<string> {
  const used = new Set<string>();
  for (const t of def.codeTables ?? []) used.add(t.key);
  for (const s of def.steps) {
    used.add(s.key);
    for (const c of s.sections) {
      used.add(c.key);
      for (const r of c.rows)
        for (const f of r) {
          used.add(f.key);
          for (const sub of f.fields ?? []) used.add(sub.key);
        }
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
  const dropped = new Set(
    Object.entries(FIELD_OPTION_TYPES)
      .filter(([, types]) => !types.includes(type))
      .map(([prop]) => prop),
  );
  if (field.type !== type) dropped.add('default');
  const next: Record<string, unknown> = Object.fromEntries(Object.entries({ ...field, type }).filter(([prop]) => !dropped.has(prop)));
  if (type === 'group' && !Array.isArray(next.fields)) next.fields = [{ ...newField(def), key: freeKey(def, `${field.key}Item`) }];
  return next as unknown as FieldDef;
}

// ── rows: fields side by side ─────────────────────────────────────────────────────

/** Puts the first field of row `ri` at the end of the row above, so they show side by side. */
export function joinRowAbove(rows: FieldDef[][], ri: number, fi: number): void {
  const row = rows[ri];
  const above = rows[ri - 1];
  if (!row || !above) return;
  above.push(...row.splice(fi, 1));
  if (row.length === 0) rows.splice(ri, 1);
}

/** Takes a field out of its row into a row of its own, right below. */
export function splitIntoOwnRow(rows: FieldDef[][], ri: number, fi: number): void {
  const row = rows[ri];
  if (!row || row.length < 2) return;
  rows.splice(ri + 1, 0, row.splice(fi, 1));
}

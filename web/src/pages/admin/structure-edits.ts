/** Edits of a definition's layout. Each returns a new definition: the engine memoises per object. */
import type { FieldDef, FormDefinition, SectionDef, StepDef } from './editor-engine';

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

function freeKey(def: FormDefinition, base: string): string {
  const used = new Set<string>();
  for (const s of def.steps) { used.add(s.key); for (const c of s.sections) { used.add(c.key); for (const r of c.rows) for (const f of r) used.add(f.key); } }
  let n = 1;
  while (used.has(`${base}${n}`)) n += 1;
  return `${base}${n}`;
}

export const newField = (def: FormDefinition): FieldDef => ({ key: freeKey(def, 'field'), type: 'text', label: '新字段' });
export const newSection = (def: FormDefinition): SectionDef => ({ key: freeKey(def, 'section'), label: '新分节', rows: [] });
export const newStep = (def: FormDefinition): StepDef => ({ key: freeKey(def, 'page'), label: '新页', sections: [] });

/**
 * The definitions the peers are compared on when every field counts: the form's writer may edit
 * every field in its step (the engine then checks the whole record, as a JSON Schema does), and,
 * for rendering, every section on one page (as a JSON Schema form renders them).
 */
import type { FormDefinition, Role, SectionDef } from '../../forms/engine/types';

export function wholeRecordDefinition(form: { definition: FormDefinition; role: Role; step: string }): FormDefinition {
  const def = structuredClone(form.definition);
  def.access = { [form.step]: { edit: [form.role] } };
  const strip = (section: SectionDef) => {
    delete section.access;
    for (const row of section.rows) for (const field of row) delete field.access;
  };
  for (const step of def.steps) step.sections.forEach(strip);
  return def;
}

export function onePageDefinition(def: FormDefinition): FormDefinition {
  const first = def.steps[0];
  if (!first) return def;
  return { ...def, steps: [{ ...first, sections: def.steps.flatMap((s) => s.sections) }] };
}

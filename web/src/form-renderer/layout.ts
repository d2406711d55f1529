/**
 * Which fields the form shows and where: access per field for the role and workflow step, and the
 * pages (layout steps) with their sections and rows once hidden and inaccessible fields are left out.
 */
import { useMemo } from 'react';
import { fieldAccess, type Access, type FieldDef, type FormDefinition, type Role, type SectionDef, type StepDef } from './engine';

export interface RenderedField {
  field: FieldDef;
  access: 'edit' | 'read';
}
export interface RenderedSection {
  section: SectionDef;
  rows: RenderedField[][];
}
export interface RenderedStep {
  step: StepDef;
  sections: RenderedSection[];
  /** the top-level field keys of the page, in order */
  keys: string[];
}

/** access per top-level field key for this role and workflow step, computed once per definition */
export function useFieldAccess(def: FormDefinition, role: Role, step: string | null, showAll: boolean): Map<string, Access> {
  return useMemo(() => {
    const map = new Map<string, Access>();
    const workflow = def.workflow.map((w) => w.key);
    for (const s of def.steps) {
      for (const sec of s.sections) {
        for (const row of sec.rows) {
          for (const f of row) {
            let a: Access;
            if (showAll) a = 'read';
            else if (step) a = fieldAccess(def, f.key, role, step);
            else a = workflow.some((w) => fieldAccess(def, f.key, role, w) !== 'hidden') ? 'read' : 'hidden';
            map.set(f.key, a);
          }
        }
      }
    }
    return map;
  }, [def, role, step, showAll]);
}

/** The pages to render and the page of each field key; rebuilt only when the hidden set or access changes. */
export function usePages(def: FormDefinition, hidden: ReadonlySet<string>, access: Map<string, Access>) {
  const pages: RenderedStep[] = useMemo(() => {
    const out: RenderedStep[] = [];
    for (const s of def.steps) {
      const sections: RenderedSection[] = [];
      const keys: string[] = [];
      for (const sec of s.sections) {
        const rows = sec.rows
          .map((row) =>
            row
              .filter((f) => !hidden.has(f.key) && (access.get(f.key) ?? 'hidden') !== 'hidden')
              .map((f) => ({ field: f, access: access.get(f.key) as 'edit' | 'read' })),
          )
          .filter((row) => row.length > 0);
        if (rows.length === 0) continue;
        sections.push({ section: sec, rows });
        for (const row of rows) for (const r of row) keys.push(r.field.key);
      }
      if (sections.length > 0) out.push({ step: s, sections, keys });
    }
    return out;
  }, [def, hidden, access]);

  const pageOf = useMemo(() => {
    const m = new Map<string, number>();
    pages.forEach((p, i) => p.keys.forEach((k) => m.set(k, i)));
    return m;
  }, [pages]);

  return { pages, pageOf };
}

/**
 * Who may edit, read or not see a field in a workflow step.
 *
 * Resolution: the field's access map, then its section's, then the definition's. The first map
 * that has an entry for the step (or a `"*"` entry) decides — so a field can override a single
 * step and inherit the rest. Within the entry, `edit` wins over `read` (edit implies read);
 * a role listed in neither is hidden. Group sub-fields follow their group. Computed fields are
 * never editable.
 */
import { fieldEntries, findFieldEntry } from './fields';
import type { Access, AccessMap, FormDefinition, Role, Values } from './types';

function entryFor(map: AccessMap | undefined, step: string): { edit?: Role[]; read?: Role[] } | undefined {
  if (!map || typeof map !== 'object') return undefined;
  if (Object.hasOwn(map, step)) return map[step];
  if (Object.hasOwn(map, '*')) return map['*'];
  return undefined;
}

/** Resolves access through maps ordered from most to least specific. */
export function resolveAccess(maps: Array<AccessMap | undefined>, role: Role, step: string): Access {
  for (const map of maps) {
    const entry = entryFor(map, step);
    if (!entry) continue;
    if (Array.isArray(entry.edit) && entry.edit.includes(role)) return 'edit';
    if (Array.isArray(entry.read) && entry.read.includes(role)) return 'read';
    return 'hidden';
  }
  return 'hidden';
}

export function fieldAccess(def: FormDefinition, fieldKey: string, role: Role, step: string): Access {
  const entry = findFieldEntry(def, fieldKey);
  if (!entry) return 'hidden';
  const field = entry.group ?? entry.field;
  const access = resolveAccess([field.access, entry.section.access, def.access], role, step);
  return access === 'edit' && (field.computed !== undefined || entry.field.computed !== undefined) ? 'read' : access;
}

/** The values a role may see in a step: fields hidden from it are left out. */
export function valuesVisibleTo(def: FormDefinition, values: Values, role: Role, step: string): Values {
  const out: Values = {};
  for (const { field } of fieldEntries(def)) {
    if (Object.hasOwn(values, field.key) && fieldAccess(def, field.key, role, step) !== 'hidden') {
      out[field.key] = values[field.key];
    }
  }
  return out;
}

/**
 * What changed between two versions of a form, in the admin's terms: fields added, removed,
 * probably renamed (same label and type under a new key), changed (per property, including where
 * the field sits), and every other part of the document that differs.
 */
import { fieldEntries, type FieldDef, type FieldEntry, type FormDefinition } from '../../../forms/engine';
import { canonicalJson } from '../../lib/canonical-json';

export interface FieldRef {
  key: string;
  label: string;
}

export interface PropChange {
  prop: string;
  from: unknown;
  to: unknown;
}

export interface DefinitionDiff {
  added: FieldRef[];
  removed: FieldRef[];
  /** a removed and an added field with the same label and type: stored values do not follow the new key */
  renamed: Array<{ from: string; to: string; label: string }>;
  changed: Array<FieldRef & { changes: PropChange[] }>;
  /** differences outside the fields: title, workflow, access, checks, code tables, mappings, steps, sections */
  other: PropChange[];
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

const where = (e: FieldEntry) => `${e.step.label} / ${e.section.label}`;

function fieldChanges(a: FieldEntry, b: FieldEntry): PropChange[] {
  const out: PropChange[] = [];
  const props = new Set([...Object.keys(a.field), ...Object.keys(b.field)]);
  for (const prop of props) {
    const from = (a.field as unknown as Record<string, unknown>)[prop];
    const to = (b.field as unknown as Record<string, unknown>)[prop];
    if (!same(from, to)) out.push({ prop, from, to });
  }
  if (where(a) !== where(b)) out.push({ prop: '位置', from: where(a), to: where(b) });
  return out;
}

/** The document without its fields: steps and sections keep keys, labels, rules and access. */
function layout(def: FormDefinition) {
  return def.steps.map((s) => ({
    key: s.key,
    label: s.label,
    labelEn: s.labelEn,
    sections: s.sections.map(({ rows: _rows, ...section }) => section),
  }));
}

export function diffDefinitions(from: FormDefinition, to: FormDefinition): DefinitionDiff {
  const before = new Map(fieldEntries(from).map((e) => [e.field.key, e]));
  const after = new Map(fieldEntries(to).map((e) => [e.field.key, e]));
  const ref = (f: FieldDef): FieldRef => ({ key: f.key, label: f.label });
  const added = [...after.values()].filter((e) => !before.has(e.field.key)).map((e) => e.field);
  const removed = [...before.values()].filter((e) => !after.has(e.field.key)).map((e) => e.field);
  const renamed: DefinitionDiff['renamed'] = [];
  for (const old of removed) {
    const successor = added.find((f) => f.label === old.label && f.type === old.type && !renamed.some((r) => r.to === f.key));
    if (successor) renamed.push({ from: old.key, to: successor.key, label: old.label });
  }
  const changed: DefinitionDiff['changed'] = [];
  for (const [key, a] of before) {
    const b = after.get(key);
    if (!b) continue;
    const changes = fieldChanges(a, b);
    if (changes.length > 0) changed.push({ ...ref(b.field), changes });
  }
  const other: PropChange[] = [];
  for (const prop of ['title', 'titleEn', 'description', 'workflow', 'access', 'checks', 'codeTables', 'mappings'] as const) {
    if (!same(from[prop], to[prop])) other.push({ prop, from: from[prop], to: to[prop] });
  }
  const [la, lb] = [layout(from), layout(to)];
  if (!same(la, lb)) other.push({ prop: 'steps', from: la, to: lb });
  return { added: added.map(ref), removed: removed.map(ref), renamed, changed, other };
}

export function isEmptyDiff(d: DefinitionDiff): boolean {
  return d.added.length + d.removed.length + d.changed.length + d.other.length === 0;
}

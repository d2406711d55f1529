/**
 * Pieces the form editor's panels (页与分节, 表单设置, 代码表, 字段映射) share: text inputs bound to
 * properties of the definition, a section's heading with its 删除, a select of keyed things that
 * keeps showing a key that no longer exists, and the list of errors under what they concern.
 */
import type { ReactNode } from 'react';
import type { FormDefinition } from './editor-engine';
import type { Edit } from './structure-edits';

export function EditorErrors({ list }: { list: string[] }) {
  return list.length ? (
    <ul className="field-error">
      {list.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  ) : null;
}

/** The properties of T that hold text. */
type TextProp<T> = { [P in keyof T]-?: T[P] extends string | undefined ? P : never }[keyof T] & string;

/**
 * One text property and its label. An optional one (e.g. 英文名称) is removed when emptied rather
 * than kept as ''; the type says which ones are. `rows` makes it a textarea.
 */
export type TextSetting<T> = {
  [P in TextProp<T>]: { prop: P; label: string; rows?: number } & (undefined extends T[P] ? { optional: true } : { optional?: never });
}[TextProp<T>];

/**
 * Inputs for text properties of one object of the definition (the form, a step, a section, a code
 * table…): `of` is the object as shown, `at` finds the same object in the draft an edit changes.
 */
export function TextSettings<T extends object>({
  of,
  at,
  edit,
  settings,
}: {
  of: T;
  at: (d: FormDefinition) => T;
  edit: (e: Edit) => void;
  settings: TextSetting<T>[];
}) {
  return settings.map(({ prop, label, rows, optional }) => {
    const shown = (of as Record<string, unknown>)[prop];
    const value = typeof shown === 'string' ? shown : '';
    const onChange = (e: { target: { value: string } }) =>
      edit((d) => {
        (at(d) as Record<string, unknown>)[prop] = optional ? e.target.value || undefined : e.target.value;
      });
    return (
      <label key={prop} className="field">
        <span className="field-label">{label}</span>
        {rows ? (
          <textarea className="input" rows={rows} value={value} onChange={onChange} />
        ) : (
          <input className="input" value={value} onChange={onChange} />
        )}
      </label>
    );
  });
}

/** A section's heading line: its name and a 删除 that asks first (`confirm` is the question). */
export function SectionHead({
  name,
  children,
  confirm,
  onRemove,
}: {
  name: string;
  children: ReactNode;
  confirm: string;
  onRemove: () => void;
}) {
  return (
    <div className="editor-head">
      <strong>{children}</strong>
      <button
        type="button"
        className="btn btn-small btn-link-danger"
        aria-label={`删除${name}`}
        onClick={() => {
          if (window.confirm(confirm)) onRemove();
        }}
      >
        删除
      </button>
    </div>
  );
}

/** Takes item i out of an optional list of the definition, and the list itself once it is empty. */
export function removeFromOptionalList(d: FormDefinition, list: 'codeTables' | 'mappings', i: number): void {
  d[list]?.splice(i, 1);
  if (list === 'codeTables' && d.codeTables?.length === 0) delete d.codeTables;
  if (list === 'mappings' && d.mappings?.length === 0) delete d.mappings;
}

export interface KeyedChoice {
  key: string;
  label: string;
  disabled?: boolean;
}

/**
 * A select of keyed things, each shown as label（key）. A value that is no longer among them stays
 * selected as 「key（不存在）」, so the admin sees what to fix; `placeholder` offers an empty choice first.
 */
export function KeyedSelect({
  value,
  choices,
  onChange,
  placeholder,
  label,
}: {
  value: string;
  choices: KeyedChoice[];
  onChange: (key: string) => void;
  placeholder?: string;
  /** the select's accessible name where it has no visible label */
  label?: string;
}) {
  const missing = !choices.some((c) => c.key === value) && !(placeholder !== undefined && value === '');
  return (
    <select className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
      {placeholder !== undefined && <option value="">{placeholder}</option>}
      {missing && <option value={value}>{value}（不存在）</option>}
      {choices.map((c) => (
        <option key={c.key} value={c.key} disabled={c.disabled}>
          {c.label}（{c.key}）
        </option>
      ))}
    </select>
  );
}

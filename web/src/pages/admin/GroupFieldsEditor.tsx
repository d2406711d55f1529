/** The sub-fields of a group (one row of a repeatable table): add, remove, reorder, open each in place. */
import { useState } from 'react';
import { errorsWithin } from './definition-errors';
import type { DefinitionError, FieldDef, FormDefinition } from './editor-engine';
import { FieldEditor } from './FieldEditor';
import { fieldTypeLabel } from './labels';
import { freeKey, move } from './structure-edits';

interface Props {
  def: FormDefinition;
  group: FieldDef;
  /** the checker's path of the group field */
  path: string;
  errors: readonly DefinitionError[];
  onChange: (fields: FieldDef[]) => void;
}

export function GroupFieldsEditor({ def, group, path, errors, onChange }: Props) {
  const [open, setOpen] = useState<number | null>(null);
  const subs = group.fields ?? [];
  const change = (edit: (list: FieldDef[]) => void) => {
    const next = structuredClone(subs);
    edit(next);
    onChange(next);
  };
  const listErrors = errors.filter((e) => e.path === `${path}.fields`).map((e) => e.message);
  return (
    <fieldset className="group-fields">
      <legend>「{group.label}」每行的子字段</legend>
      {listErrors.length > 0 && <p className="field-error">{listErrors.join('；')}</p>}
      <ol className="editor-fields">
        {subs.map((sub, i) => {
          const sp = `${path}.fields[${i}]`;
          const subErrors = errorsWithin(errors, sp);
          return (
            <li key={i} className={`editor-field${subErrors.length ? ' has-errors' : ''}`} data-path={sp}>
              <div className="editor-head">
                <button type="button" className="btn btn-small" aria-expanded={open === i} onClick={() => setOpen(open === i ? null : i)}>
                  {sub.label || '（未命名）'}
                </button>
                <span className="muted">
                  {sub.key} · {fieldTypeLabel(sub.type)}
                  {sub.required ? ' · 必填' : ''}
                </span>
                {subErrors.length > 0 && <span className="badge-error">{subErrors.length} 处错误</span>}
                <span className="move-buttons">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`上移子字段「${sub.label}」`}
                    disabled={i === 0}
                    onClick={() => change((l) => move(l, i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`下移子字段「${sub.label}」`}
                    disabled={i === subs.length - 1}
                    onClick={() => change((l) => move(l, i, i + 1))}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-link-danger"
                    aria-label={`删除子字段「${sub.label}」`}
                    onClick={() => {
                      if (window.confirm(`确定删除子字段「${sub.label}」？`))
                        change((l) => {
                          l.splice(i, 1);
                        });
                    }}
                  >
                    删除
                  </button>
                </span>
              </div>
              {open !== i && subErrors.length > 0 && (
                <ul className="field-error">
                  {subErrors.map((e, j) => (
                    <li key={j}>{e.message}</li>
                  ))}
                </ul>
              )}
              {open === i && (
                <FieldEditor
                  def={def}
                  field={sub}
                  path={sp}
                  errors={errors}
                  rowFields={subs}
                  onChange={(f) =>
                    change((l) => {
                      l[i] = f;
                    })
                  }
                />
              )}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        onClick={() => {
          change((l) => {
            l.push({ key: freeKey(def, `${group.key}Item`), type: 'text', label: '新子字段' });
          });
          setOpen(subs.length);
        }}
      >
        在「{group.label}」中添加子字段
      </button>
    </fieldset>
  );
}

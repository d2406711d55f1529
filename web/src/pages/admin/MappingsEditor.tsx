/**
 * Declared copies from another form (e.g. the dispatch report prefilled from the agreement):
 * "this form's field ← the source form's field". The source form's fields are offered from its
 * latest version; a source field it does not have is flagged at once, and the server's refusal
 * (a lifecycle reads these copies) is shown on the row it concerns.
 */
import { useQueries } from '@tanstack/react-query';
import { loadLatestForm, type FormSummary } from '../../api/forms';
import { queryKeys } from '../../api/query-keys';
import { messagesAt } from './definition-errors';
import { EditorErrors, KeyedSelect, removeFromOptionalList, SectionHead } from './editor-parts';
import { fieldEntries, type DefinitionError, type FormDefinition } from './editor-engine';
import { nth, type Edit } from './structure-edits';

/** What 表单设置 gives its panels, and 字段映射 uses all of. */
export interface SettingsProps {
  def: FormDefinition;
  errors: readonly DefinitionError[];
  /**
   * what the running lifecycles object to (from the server), shown where it belongs: paths like
   * 'mappings[0].fields.employerName'
   */
  lifecycleErrors: readonly DefinitionError[];
  /** every form, for the sources of mappings */
  forms: FormSummary[];
  edit: (e: Edit) => void;
}

/** Source definitions by form key, loaded as the admin picks them (each form's latest version, as cached for its preview). */
function useSourceForms(keys: string[]): Map<string, FormDefinition> {
  const wanted = [...new Set(keys)].filter((k) => /^[a-zA-Z]\w*$/.test(k)).sort();
  return useQueries({
    queries: wanted.map((key) => ({ queryKey: queryKeys.form(key), queryFn: () => loadLatestForm(key) })),
    combine: (results) =>
      new Map(
        wanted.flatMap((key, i) => {
          const loaded = results[i]?.data;
          return loaded ? [[key, loaded.definition] as const] : [];
        }),
      ),
  });
}

export function MappingsEditor({ def, errors, lifecycleErrors, forms, edit }: SettingsProps) {
  const mappings = def.mappings ?? [];
  const sources = useSourceForms(mappings.map((m) => m.from));
  const targets = fieldEntries(def).map((e) => e.field);
  const otherForms = forms.filter((f) => f.key !== def.key);
  const [firstOther] = otherForms;
  const setFields = (i: number, entries: Array<[string, string]>) =>
    edit((d) => {
      nth(d.mappings, i).fields = Object.fromEntries(entries);
    });
  return (
    <fieldset>
      <legend>字段映射（从其他表单带入）</legend>
      <p className="muted">新记录创建时，按映射把来源表单已填的值带入本表单。业务流程依赖这些映射：来源表单没有的字段不能映射。</p>
      {mappings.map((mapping, i) => {
        const p = `mappings[${i}]`;
        const source = sources.get(mapping.from);
        const sourceFields = source ? fieldEntries(source).map((e) => e.field) : [];
        const sourceTitle = forms.find((f) => f.key === mapping.from)?.title ?? mapping.from;
        // a draft is only checked for its layout (FormEditorPage's walkable): a mapping may lack its fields
        const fields = mapping.fields as Record<string, string> | undefined;
        const entries = Object.entries(fields ?? {});
        const nextTarget = targets.find((f) => !Object.hasOwn(fields ?? {}, f.key));
        const name = `字段映射 ${i + 1}`;
        return (
          <div key={i} className="editor-section" role="group" aria-label={name}>
            <SectionHead
              name={name}
              confirm={`确定删除${name}？新记录将不再从「${sourceTitle}」带入这些值。`}
              onRemove={() => edit((d) => removeFromOptionalList(d, 'mappings', i))}
            >
              {name}：从「{sourceTitle}」带入
            </SectionHead>
            <label className="field">
              <span className="field-label">来源表单</span>
              <KeyedSelect
                value={mapping.from}
                choices={otherForms.map((f) => ({ key: f.key, label: f.title }))}
                onChange={(key) =>
                  edit((d) => {
                    nth(d.mappings, i).from = key;
                  })
                }
              />
            </label>
            <EditorErrors list={messagesAt(errors, `${p}.from`).concat(messagesAt(lifecycleErrors, `${p}.from`))} />
            <div className="wide-scroll">
              <table className="access-table mapping-table">
                <thead>
                  <tr>
                    <th scope="col">本表单字段</th>
                    <th scope="col">←</th>
                    <th scope="col">「{sourceTitle}」的字段</th>
                    <th scope="col">操作</th>
                  </tr>
                </thead>
                <tbody>
                  {entries.map(([target, from], j) => {
                    const missing =
                      source && from && !sourceFields.some((f) => f.key === from)
                        ? [`「${source.title}」没有字段「${from}」，无法带入`]
                        : [];
                    const problems = [
                      ...new Set([
                        ...messagesAt(errors, `${p}.fields.${target}`),
                        ...missing,
                        ...messagesAt(lifecycleErrors, `${p}.fields.${target}`),
                      ]),
                    ];
                    const targetLabel = targets.find((f) => f.key === target)?.label ?? target;
                    return (
                      <tr key={j} className={problems.length ? 'has-errors' : undefined}>
                        <td>
                          <KeyedSelect
                            label={`${name} 第 ${j + 1} 行的本表单字段`}
                            value={target}
                            choices={targets.map((f) => ({ ...f, disabled: f.key !== target && Object.hasOwn(mapping.fields, f.key) }))}
                            onChange={(key) =>
                              setFields(
                                i,
                                entries.map(([t, s], k) => (k === j ? [key, s] : [t, s])),
                              )
                            }
                          />
                        </td>
                        <td aria-hidden="true">←</td>
                        <td>
                          <KeyedSelect
                            label={`${name} 第 ${j + 1} 行的来源字段（${targetLabel}）`}
                            value={from}
                            choices={sourceFields}
                            placeholder="选择来源字段"
                            onChange={(key) =>
                              setFields(
                                i,
                                entries.map(([t, s], k) => (k === j ? [t, key] : [t, s])),
                              )
                            }
                          />
                          <EditorErrors list={problems} />
                        </td>
                        <td>
                          <button
                            type="button"
                            className="btn btn-small btn-link-danger"
                            aria-label={`删除${name} 第 ${j + 1} 行`}
                            onClick={() =>
                              setFields(
                                i,
                                entries.filter((_, k) => k !== j),
                              )
                            }
                          >
                            删除
                          </button>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
            {nextTarget && (
              <button
                type="button"
                className="btn btn-small"
                aria-label={`在${name}中添加一行`}
                onClick={() => {
                  setFields(i, [...entries, [nextTarget.key, sourceFields.some((f) => f.key === nextTarget.key) ? nextTarget.key : '']]);
                }}
              >
                添加一行
              </button>
            )}
          </div>
        );
      })}
      {firstOther && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            edit((d) => {
              d.mappings = [...(d.mappings ?? []), { from: firstOther.key, fields: {} }];
            })
          }
        >
          添加字段映射
        </button>
      )}
    </fieldset>
  );
}

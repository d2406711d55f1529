/**
 * The form's own code tables (built-in ones such as 单位性质 live in forms/codes): key, name,
 * source, and items with code, label and English label, nested (e.g. section → division).
 */
import { messagesAt } from './definition-errors';
import { EditorErrors, removeFromOptionalList, SectionHead, TextSettings, type TextSetting } from './editor-parts';
import { DEFINITION_LIMITS, type CodeItem, type CodeTable, type DefinitionError, type FormDefinition } from './editor-engine';
import { freeKey, move, nth, type Edit } from './structure-edits';

interface Props {
  def: FormDefinition;
  errors: readonly DefinitionError[];
  edit: (e: Edit) => void;
}

const TABLE_SETTINGS: TextSetting<CodeTable>[] = [
  { prop: 'key', label: '代码表键' },
  { prop: 'label', label: '代码表名称' },
  { prop: 'source', label: '来源（如国家标准）', optional: true },
];

/** Where an item list sits in the definition, as the editor reaches it. */
type ItemsAt = (d: FormDefinition) => CodeItem[];

function CodeItems({
  items,
  at,
  path,
  depth,
  tableLabel,
  errors,
  edit,
  numbering,
}: {
  items: CodeItem[];
  at: ItemsAt;
  path: string;
  depth: number;
  tableLabel: string;
  errors: readonly DefinitionError[];
  edit: (e: Edit) => void;
  numbering: string;
}) {
  return (
    <ol className="code-items">
      {items.map((item, i) => {
        const p = `${path}[${i}]`;
        const n = `${numbering}${i + 1}`;
        const name = `${tableLabel} 第 ${n} 项`;
        const own = errors
          .filter((e) => e.path === p || e.path.startsWith(`${p}.code`) || e.path.startsWith(`${p}.label`))
          .map((e) => e.message);
        return (
          <li key={i}>
            <span className="code-item">
              <input
                className="input input-compact"
                aria-label={`${name}代码`}
                value={item.code}
                onChange={(e) =>
                  edit((d) => {
                    nth(at(d), i).code = e.target.value;
                  })
                }
              />
              <input
                className="input"
                aria-label={`${name}名称`}
                value={item.label}
                onChange={(e) =>
                  edit((d) => {
                    nth(at(d), i).label = e.target.value;
                  })
                }
              />
              <input
                className="input"
                aria-label={`${name}英文名称`}
                placeholder="English"
                value={item.labelEn ?? ''}
                onChange={(e) =>
                  edit((d) => {
                    nth(at(d), i).labelEn = e.target.value || undefined;
                  })
                }
              />
              <span className="move-buttons">
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`上移${name}`}
                  disabled={i === 0}
                  onClick={() => edit((d) => move(at(d), i, i - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={`下移${name}`}
                  disabled={i === items.length - 1}
                  onClick={() => edit((d) => move(at(d), i, i + 1))}
                >
                  ↓
                </button>
                {depth < DEFINITION_LIMITS.codeDepth && (
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`给${name}添加下级`}
                    onClick={() =>
                      edit((d) => {
                        const it = nth(at(d), i);
                        it.children = [...(it.children ?? []), { code: '', label: '' }];
                      })
                    }
                  >
                    ＋下级
                  </button>
                )}
                <button
                  type="button"
                  className="btn btn-small btn-link-danger"
                  aria-label={`删除${name}`}
                  onClick={() =>
                    edit((d) => {
                      at(d).splice(i, 1);
                    })
                  }
                >
                  删除
                </button>
              </span>
            </span>
            <EditorErrors list={own} />
            {item.children && item.children.length > 0 && (
              <CodeItems
                items={item.children}
                at={(d) => {
                  const it = nth(at(d), i);
                  it.children ??= [];
                  return it.children;
                }}
                path={`${p}.children`}
                depth={depth + 1}
                tableLabel={tableLabel}
                errors={errors}
                edit={edit}
                numbering={`${n}.`}
              />
            )}
          </li>
        );
      })}
    </ol>
  );
}

export function CodeTablesEditor({ def, errors, edit }: Props) {
  const tables: CodeTable[] = def.codeTables ?? [];
  return (
    <fieldset>
      <legend>本表单的代码表</legend>
      <p className="muted">选择类字段可以用这里的代码表，也可以用内置代码表（单位性质、单位行业、毕业去向等）。</p>
      {tables.map((table, ti) => {
        const p = `codeTables[${ti}]`;
        const at: ItemsAt = (d) => nth(d.codeTables, ti).items;
        const name = `代码表「${table.label || table.key}」`;
        return (
          <div key={ti} className="editor-section" aria-label={name} role="group">
            <SectionHead
              name={name}
              confirm={`确定删除${name}？使用它的字段会报错。`}
              onRemove={() => edit((d) => removeFromOptionalList(d, 'codeTables', ti))}
            >
              {name}
            </SectionHead>
            <div className="editor-grid">
              <TextSettings of={table} at={(d) => nth(d.codeTables, ti)} edit={edit} settings={TABLE_SETTINGS} />
            </div>
            <EditorErrors
              list={messagesAt(errors, `${p}.key`).concat(
                messagesAt(errors, `${p}.label`),
                messagesAt(errors, `${p}.source`),
                errors.filter((e) => e.path === `${p}.items`).map((e) => e.message),
              )}
            />
            <CodeItems
              items={Array.isArray(table.items) ? table.items : []}
              at={at}
              path={`${p}.items`}
              depth={1}
              tableLabel={name}
              errors={errors}
              edit={edit}
              numbering=""
            />
            <button
              type="button"
              className="btn btn-small"
              aria-label={`在${name}中添加一项`}
              onClick={() =>
                edit((d) => {
                  at(d).push({ code: '', label: '' });
                })
              }
            >
              添加一项
            </button>
          </div>
        );
      })}
      <button
        type="button"
        className="btn btn-small"
        onClick={() =>
          edit((d) => {
            d.codeTables = [
              ...(d.codeTables ?? []),
              {
                key: freeKey(d, 'codes'),
                label: '新代码表',
                items: [
                  { code: '1', label: '是' },
                  { code: '2', label: '否' },
                ],
              },
            ];
          })
        }
      >
        添加代码表
      </button>
    </fieldset>
  );
}

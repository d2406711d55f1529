/** Steps → sections → rows of fields: add, remove, reorder, and open a field's settings in place. */
import { useState } from 'react';
import { AccessEditor } from './AccessEditor';
import { errorsWithin, messagesAt } from './definition-errors';
import type { DefinitionError, FieldDef, FormDefinition, SectionDef, StepDef } from './editor-engine';
import { TextSettings, type TextSetting } from './editor-parts';
import { FieldEditor } from './FieldEditor';
import { fieldTypeLabel } from './labels';
import { RuleEditor } from './RuleEditor';
import { joinRowAbove, move, newField, newSection, newStep, nth, splitIntoOwnRow, type Edit } from './structure-edits';

const sectionOf = (d: FormDefinition, si: number, ci: number) => nth(nth(d.steps, si).sections, ci);

const STEP_SETTINGS: TextSetting<StepDef>[] = [
  { prop: 'label', label: '页名称' },
  { prop: 'labelEn', label: '英文名称', optional: true },
  { prop: 'key', label: '页键' },
];
const SECTION_SETTINGS: TextSetting<SectionDef>[] = [
  { prop: 'label', label: '分节名称' },
  { prop: 'labelEn', label: '英文名称', optional: true },
  { prop: 'key', label: '分节键' },
];
const SECTION_DESCRIPTION: TextSetting<SectionDef>[] = [{ prop: 'description', label: '分节说明', optional: true }];

interface Props {
  def: FormDefinition;
  errors: readonly DefinitionError[];
  edit: (e: Edit) => void;
}

function MoveButtons({
  what,
  index,
  count,
  onMove,
  onRemove,
}: {
  what: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  return (
    <span className="move-buttons">
      <button type="button" className="btn btn-small" aria-label={`上移${what}`} disabled={index === 0} onClick={() => onMove(index - 1)}>
        ↑
      </button>
      <button
        type="button"
        className="btn btn-small"
        aria-label={`下移${what}`}
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
      >
        ↓
      </button>
      <button
        type="button"
        className="btn btn-small btn-link-danger"
        aria-label={`删除${what}`}
        onClick={() => {
          if (window.confirm(`确定删除${what}？`)) onRemove();
        }}
      >
        删除
      </button>
    </span>
  );
}

/** Fields side by side: join the row above, take a field into its own row, swap within the row. */
function RowButtons({
  label,
  ri,
  fi,
  rowLength,
  edit,
}: {
  label: string;
  ri: number;
  fi: number;
  rowLength: number;
  edit: (change: (rows: FieldDef[][]) => void) => void;
}) {
  return (
    <span className="move-buttons">
      {fi > 0 && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`左移字段「${label}」`}
          onClick={() => edit((rows) => move(nth(rows, ri), fi, fi - 1))}
        >
          ←
        </button>
      )}
      {fi === 0 && ri > 0 && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`字段「${label}」与上一行并排`}
          onClick={() => edit((rows) => joinRowAbove(rows, ri, fi))}
        >
          并入上一行
        </button>
      )}
      {rowLength > 1 && (
        <button
          type="button"
          className="btn btn-small"
          aria-label={`字段「${label}」单独一行`}
          onClick={() => edit((rows) => splitIntoOwnRow(rows, ri, fi))}
        >
          单独一行
        </button>
      )}
    </span>
  );
}

export function StructureEditor({ def, errors, edit }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div className="structure-editor">
      {def.steps.map((step, si) => {
        const sp = `steps[${si}]`;
        return (
          <section key={si} className="editor-step" aria-label={`页 ${step.label}`}>
            <div className="editor-head">
              <h3>
                页 {si + 1}：{step.label}
              </h3>
              <MoveButtons
                what={`页「${step.label}」`}
                index={si}
                count={def.steps.length}
                onMove={(to) => edit((d) => move(d.steps, si, to))}
                onRemove={() =>
                  edit((d) => {
                    d.steps.splice(si, 1);
                  })
                }
              />
            </div>
            <div className="editor-grid">
              <TextSettings of={step} at={(d) => nth(d.steps, si)} edit={edit} settings={STEP_SETTINGS} />
            </div>
            {messagesAt(errors, `${sp}.key`)
              .concat(messagesAt(errors, `${sp}.label`))
              .map((m, i) => (
                <p key={i} className="field-error">
                  {m}
                </p>
              ))}
            {step.sections.map((section, ci) => {
              const cp = `${sp}.sections[${ci}]`;
              return (
                <fieldset key={ci} className="editor-section">
                  <legend>分节：{section.label}</legend>
                  <div className="editor-head">
                    <span className="muted">{section.key}</span>
                    <MoveButtons
                      what={`分节「${section.label}」`}
                      index={ci}
                      count={step.sections.length}
                      onMove={(to) => edit((d) => move(nth(d.steps, si).sections, ci, to))}
                      onRemove={() =>
                        edit((d) => {
                          nth(d.steps, si).sections.splice(ci, 1);
                        })
                      }
                    />
                  </div>
                  <div className="editor-grid">
                    <TextSettings of={section} at={(d) => sectionOf(d, si, ci)} edit={edit} settings={SECTION_SETTINGS} />
                  </div>
                  <TextSettings of={section} at={(d) => sectionOf(d, si, ci)} edit={edit} settings={SECTION_DESCRIPTION} />
                  {messagesAt(errors, `${cp}.key`)
                    .concat(messagesAt(errors, `${cp}.label`), messagesAt(errors, `${cp}.description`))
                    .map((m, i) => (
                      <p key={i} className="field-error">
                        {m}
                      </p>
                    ))}
                  <details>
                    <summary>分节显示条件与权限</summary>
                    <RuleEditor
                      label="分节显示条件"
                      def={def}
                      value={section.visibleWhen}
                      errors={messagesAt(errors, `${cp}.visibleWhen`)}
                      onChange={(r) =>
                        edit((d) => {
                          sectionOf(d, si, ci).visibleWhen = r;
                        })
                      }
                    />
                    <AccessEditor
                      label="权限（本分节）"
                      def={def}
                      value={section.access}
                      errors={messagesAt(errors, `${cp}.access`)}
                      inheritLabel="沿用表单设置"
                      onChange={(a) =>
                        edit((d) => {
                          sectionOf(d, si, ci).access = a;
                        })
                      }
                    />
                  </details>
                  <ol className="editor-fields">
                    {section.rows.flatMap((row, ri) =>
                      row.map((field, fi) => {
                        const fp = `${cp}.rows[${ri}][${fi}]`;
                        const fieldErrors = errorsWithin(errors, fp);
                        const isOpen = open === fp;
                        return (
                          <li key={fp} className={`editor-field${fieldErrors.length ? ' has-errors' : ''}`} data-path={fp}>
                            <div className="editor-head">
                              <button
                                type="button"
                                className="btn btn-small"
                                aria-expanded={isOpen}
                                onClick={() => setOpen(isOpen ? null : fp)}
                              >
                                {field.label || '（未命名）'}
                              </button>
                              <span className="muted">
                                {field.key} · {fieldTypeLabel(field.type)}
                                {field.required ? ' · 必填' : ''}
                                {field.visibleWhen !== undefined ? ' · 条件显示' : ''}
                              </span>
                              {row.length > 1 && (
                                <span className="row-badge">
                                  第 {ri + 1} 行 · 并排第 {fi + 1}/{row.length} 个
                                </span>
                              )}
                              {fieldErrors.length > 0 && <span className="badge-error">{fieldErrors.length} 处错误</span>}
                              <RowButtons
                                label={field.label}
                                ri={ri}
                                fi={fi}
                                rowLength={row.length}
                                edit={(change) => edit((d) => change(sectionOf(d, si, ci).rows))}
                              />
                              <MoveButtons
                                what={`字段「${field.label}」`}
                                index={ri}
                                count={section.rows.length}
                                onMove={(to) => edit((d) => move(sectionOf(d, si, ci).rows, ri, to))}
                                onRemove={() =>
                                  edit((d) => {
                                    const rows = sectionOf(d, si, ci).rows;
                                    nth(rows, ri).splice(fi, 1);
                                    if (nth(rows, ri).length === 0) rows.splice(ri, 1);
                                  })
                                }
                              />
                            </div>
                            {!isOpen && fieldErrors.length > 0 && (
                              <ul className="field-error">
                                {fieldErrors.map((e, i) => (
                                  <li key={i}>{e.message}</li>
                                ))}
                              </ul>
                            )}
                            {isOpen && (
                              <FieldEditor
                                def={def}
                                field={field}
                                path={fp}
                                errors={errors}
                                onChange={(f) =>
                                  edit((d) => {
                                    nth(sectionOf(d, si, ci).rows, ri)[fi] = f;
                                  })
                                }
                              />
                            )}
                          </li>
                        );
                      }),
                    )}
                  </ol>
                  <button
                    type="button"
                    className="btn btn-small"
                    onClick={() => {
                      const field = newField(def);
                      edit((d) => {
                        sectionOf(d, si, ci).rows.push([field]);
                      });
                      setOpen(`${cp}.rows[${section.rows.length}][0]`);
                    }}
                  >
                    在「{section.label}」添加字段
                  </button>
                </fieldset>
              );
            })}
            <button
              type="button"
              className="btn btn-small"
              onClick={() =>
                edit((d) => {
                  nth(d.steps, si).sections.push(newSection(d));
                })
              }
            >
              添加分节
            </button>
          </section>
        );
      })}
      <button
        type="button"
        className="btn"
        onClick={() =>
          edit((d) => {
            d.steps.push(newStep(d));
          })
        }
      >
        添加页
      </button>
    </div>
  );
}

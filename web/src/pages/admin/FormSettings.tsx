/** The form as a whole: title, workflow steps, default access, cross-field checks, own code tables and mappings. */
import { AccessEditor } from './AccessEditor';
import { CodeTablesEditor } from './CodeTablesEditor';
import { messagesAt } from './definition-errors';
import { EditorErrors, KeyedSelect, TextSettings, type TextSetting } from './editor-parts';
import { fieldEntries, type CheckDef, type FormDefinition } from './editor-engine';
import { MappingsEditor, type SettingsProps } from './MappingsEditor';
import { RuleEditor } from './RuleEditor';
import { move, nth } from './structure-edits';

const TITLE_SETTINGS: TextSetting<FormDefinition>[] = [
  { prop: 'title', label: '表单名称' },
  { prop: 'titleEn', label: '英文名称', optional: true },
];
const DESCRIPTION_SETTINGS: TextSetting<FormDefinition>[] = [{ prop: 'description', label: '说明', rows: 2, optional: true }];
const STEP_SETTINGS: TextSetting<FormDefinition['workflow'][number]>[] = [
  { prop: 'key', label: '环节键' },
  { prop: 'label', label: '环节名称' },
];
const CHECK_SETTINGS: TextSetting<CheckDef>[] = [{ prop: 'message', label: '提示文字' }];
const itself = (d: FormDefinition) => d;

export function FormSettings({ def, errors, lifecycleErrors, forms, edit }: SettingsProps) {
  const fields = fieldEntries(def).map((e) => e.field);
  return (
    <div className="form-settings">
      <div className="editor-grid">
        <TextSettings of={def} at={itself} edit={edit} settings={TITLE_SETTINGS} />
      </div>
      <EditorErrors list={messagesAt(errors, 'title')} />
      <TextSettings of={def} at={itself} edit={edit} settings={DESCRIPTION_SETTINGS} />

      <fieldset>
        <legend>业务环节（权限按环节设置）</legend>
        <p className="muted">环节键被业务流程使用，改名或删除会被拒绝。</p>
        <ol>
          {def.workflow.map((w, i) => (
            <li key={i} className="editor-grid">
              <TextSettings of={w} at={(d) => nth(d.workflow, i)} edit={edit} settings={STEP_SETTINGS} />
              <button
                type="button"
                className="btn btn-small btn-link-danger"
                onClick={() =>
                  edit((d) => {
                    d.workflow.splice(i, 1);
                  })
                }
              >
                删除环节
              </button>
            </li>
          ))}
        </ol>
        <EditorErrors list={messagesAt(errors, 'workflow')} />
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            edit((d) => {
              d.workflow.push({ key: `step${d.workflow.length + 1}`, label: '新环节' });
            })
          }
        >
          添加环节
        </button>
      </fieldset>

      <AccessEditor
        label="权限（整张表单的默认设置）"
        def={def}
        value={def.access}
        errors={messagesAt(errors, 'access')}
        inheritLabel="不可见"
        onChange={(a) =>
          edit((d) => {
            d.access = a;
          })
        }
      />

      <fieldset>
        <legend>跨字段校验</legend>
        {(def.checks ?? []).map((check, i) => {
          const p = `checks[${i}]`;
          return (
            <div key={i} className="editor-section">
              <div className="editor-head">
                <strong>校验 {i + 1}</strong>
                <span className="move-buttons">
                  <button
                    type="button"
                    className="btn btn-small"
                    aria-label={`上移校验 ${i + 1}`}
                    disabled={i === 0}
                    onClick={() => edit((d) => move(d.checks ?? [], i, i - 1))}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className="btn btn-small btn-link-danger"
                    aria-label={`删除校验 ${i + 1}`}
                    onClick={() =>
                      edit((d) => {
                        d.checks?.splice(i, 1);
                      })
                    }
                  >
                    删除
                  </button>
                </span>
              </div>
              <div className="editor-grid">
                <label className="field">
                  <span className="field-label">出错时标在字段</span>
                  <KeyedSelect
                    value={check.field}
                    choices={fields}
                    onChange={(key) =>
                      edit((d) => {
                        nth(d.checks, i).field = key;
                      })
                    }
                  />
                </label>
                <TextSettings of={check} at={(d) => nth(d.checks, i)} edit={edit} settings={CHECK_SETTINGS} />
              </div>
              <EditorErrors list={messagesAt(errors, `${p}.field`).concat(messagesAt(errors, `${p}.message`))} />
              <fieldset className="inline-choices">
                <legend>在哪些环节校验</legend>
                {def.workflow.map((w) => (
                  <label key={w.key} className="inline">
                    <input
                      type="checkbox"
                      checked={!check.steps || check.steps.includes(w.key)}
                      onChange={(e) =>
                        edit((d) => {
                          const c = nth(d.checks, i);
                          const now = c.steps ?? d.workflow.map((x) => x.key);
                          const next = e.target.checked ? [...now, w.key] : now.filter((k) => k !== w.key);
                          // every step ticked is the same as no list: checked in all steps, including ones added later
                          if (d.workflow.every((x) => next.includes(x.key))) delete c.steps;
                          else c.steps = d.workflow.map((x) => x.key).filter((k) => next.includes(k));
                        })
                      }
                    />
                    {w.label}
                  </label>
                ))}
                <EditorErrors list={messagesAt(errors, `${p}.steps`)} />
              </fieldset>
              <RuleEditor
                label="须满足的条件"
                def={def}
                value={check.rule}
                errors={messagesAt(errors, `${p}.rule`)}
                onChange={(r) =>
                  edit((d) => {
                    nth(d.checks, i).rule = r ?? true;
                  })
                }
              />
            </div>
          );
        })}
        <button
          type="button"
          className="btn btn-small"
          onClick={() =>
            edit((d) => {
              d.checks = [...(d.checks ?? []), { field: fields[0]?.key ?? '', message: '请检查此项', rule: true }];
            })
          }
        >
          添加校验
        </button>
      </fieldset>
      <CodeTablesEditor def={def} errors={errors} edit={edit} />
      <MappingsEditor def={def} errors={errors} lifecycleErrors={lifecycleErrors} forms={forms} edit={edit} />
    </div>
  );
}

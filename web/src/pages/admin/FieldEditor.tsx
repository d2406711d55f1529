/** One field's settings: key, type, labels, limits, preset pattern, code table, default, rules, access and a group's sub-fields. */
import { useId, type ReactNode } from 'react';
import { BUILTIN_CODE_TABLES } from '../../../../forms/codes';
import { AccessEditor } from './AccessEditor';
import { messagesAt } from './definition-errors';
import {
  FIELD_TYPES,
  PRESET_PATTERNS,
  resolveCodeTable,
  type DefinitionError,
  type FieldDef,
  type FieldType,
  type FormDefinition,
} from './editor-engine';
import { GroupFieldsEditor } from './GroupFieldsEditor';
import { FIELD_TYPE_LABELS, PATTERN_LABELS } from './labels';
import { RuleEditor } from './RuleEditor';
import { withType } from './structure-edits';

interface Props {
  def: FormDefinition;
  field: FieldDef;
  /** the checker's path of this field, e.g. 'steps[0].sections[1].rows[0][2]' */
  path: string;
  errors: readonly DefinitionError[];
  onChange: (field: FieldDef) => void;
  /** set for a group's sub-field: the fields of its row (rules may read them as 本行·…) */
  rowFields?: FieldDef[];
}

const TEXT_TYPES: FieldType[] = ['text', 'textarea', 'email'];
const DEFAULT_TYPES: FieldType[] = ['text', 'textarea', 'number', 'date', 'select', 'radio', 'email'];

export function Prop({
  label,
  errors,
  children,
}: {
  label: string;
  errors: string[];
  children: (id: string, describedBy?: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children(id, errors.length ? `${id}-e` : undefined)}
      {errors.length > 0 && (
        <p id={`${id}-e`} className="field-error">
          {errors.join('；')}
        </p>
      )}
    </div>
  );
}

const num = (v: string): number | undefined => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

export function FieldEditor({ def, field, path, errors, onChange, rowFields }: Props) {
  const at = (prop: string) => messagesAt(errors, `${path}.${prop}`);
  const set = (patch: Partial<FieldDef>) => {
    const merged: Record<string, unknown> = { ...field, ...patch };
    const next = Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined && v !== ''));
    onChange(next as unknown as FieldDef);
  };
  const text = (prop: 'key' | 'label' | 'labelEn' | 'help' | 'placeholder' | 'example' | 'unit', label: string) => (
    <Prop label={label} errors={at(prop)}>
      {(id, d) => (
        <input
          id={id}
          className="input"
          aria-describedby={d}
          aria-invalid={!!d}
          value={field[prop] ?? ''}
          onChange={(e) => set({ [prop]: e.target.value })}
        />
      )}
    </Prop>
  );
  const number = (
    prop: 'minLength' | 'maxLength' | 'min' | 'max' | 'decimals' | 'maxFiles' | 'minItems' | 'maxItems',
    label: string,
    asDate = false,
  ) => (
    <Prop label={label} errors={at(prop)}>
      {(id, d) => (
        <input
          id={id}
          className="input"
          type={asDate ? 'text' : 'number'}
          inputMode={asDate ? undefined : 'numeric'}
          aria-describedby={d}
          placeholder={asDate ? 'YYYY-MM-DD 或 today' : undefined}
          value={field[prop] === undefined ? '' : String(field[prop])}
          onChange={(e) => set({ [prop]: asDate ? e.target.value || undefined : num(e.target.value) })}
        />
      )}
    </Prop>
  );
  const tables = [
    ...(def.codeTables ?? []).map((t) => [t.key, `${t.label}（本表单）`]),
    ...Object.values(BUILTIN_CODE_TABLES).map((t) => [t.key, t.label]),
  ];
  const type = field.type;
  const codeTable = field.codeTable ? resolveCodeTable(def, field.codeTable) : undefined;
  const accept = field.accept ?? [];
  return (
    <div className="field-editor">
      <div className="editor-grid">
        {text('key', '字段键（英文）')}
        <Prop label="类型" errors={at('type')}>
          {(id) => (
            <select id={id} className="input" value={type} onChange={(e) => onChange(withType(def, field, e.target.value as FieldType))}>
              {FIELD_TYPES.filter((t) => !rowFields || t !== 'group').map((t) => (
                <option key={t} value={t}>
                  {FIELD_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          )}
        </Prop>
        {text('label', '名称（中文）')}
        {text('labelEn', '名称（英文）')}
      </div>
      <label className="inline">
        <input type="checkbox" checked={field.required === true} onChange={(e) => set({ required: e.target.checked || undefined })} /> 必填
      </label>
      {type === 'select' && (
        <label className="inline">
          <input type="checkbox" checked={field.multiple === true} onChange={(e) => set({ multiple: e.target.checked || undefined })} />{' '}
          可多选
        </label>
      )}
      <div className="editor-grid">
        {TEXT_TYPES.includes(type) && number('minLength', '最少字数')}
        {TEXT_TYPES.includes(type) && number('maxLength', '最多字数')}
        {type === 'number' && number('min', '最小值')}
        {type === 'number' && number('max', '最大值')}
        {type === 'number' && number('decimals', '小数位数')}
        {type === 'number' && text('unit', '单位')}
        {type === 'date' && number('min', '最早日期', true)}
        {type === 'date' && number('max', '最晚日期', true)}
        {type === 'file' && number('maxFiles', '最多文件数')}
        {type === 'group' && number('minItems', '最少行数')}
        {type === 'group' && number('maxItems', '最多行数')}
        {(type === 'text' || type === 'textarea') && (
          <Prop label="格式" errors={at('pattern')}>
            {(id) => (
              <select
                id={id}
                className="input"
                value={field.pattern ?? ''}
                onChange={(e) => set({ pattern: (e.target.value || undefined) as FieldDef['pattern'] })}
              >
                <option value="">不限</option>
                {PRESET_PATTERNS.map((p) => (
                  <option key={p} value={p}>
                    {PATTERN_LABELS[p] ?? p}
                  </option>
                ))}
              </select>
            )}
          </Prop>
        )}
        {(type === 'select' || type === 'radio') && (
          <Prop label="代码表" errors={at('codeTable')}>
            {(id, d) => (
              <select
                id={id}
                className="input"
                aria-describedby={d}
                value={field.codeTable ?? ''}
                onChange={(e) => set({ codeTable: e.target.value || undefined, default: undefined })}
              >
                <option value="">请选择</option>
                {tables.map(([k, l]) => (
                  <option key={k} value={k}>
                    {l}（{k}）
                  </option>
                ))}
                {field.codeTable && !tables.some(([k]) => k === field.codeTable) && (
                  <option value={field.codeTable}>{field.codeTable}（不存在）</option>
                )}
              </select>
            )}
          </Prop>
        )}
        {type === 'region' && (
          <Prop label="至少选到" errors={at('regionLevel')}>
            {(id) => (
              <select
                id={id}
                className="input"
                value={field.regionLevel ?? 'district'}
                onChange={(e) => set({ regionLevel: e.target.value as FieldDef['regionLevel'] })}
              >
                <option value="province">省</option>
                <option value="city">市</option>
                <option value="district">区县</option>
              </select>
            )}
          </Prop>
        )}
        {DEFAULT_TYPES.includes(type) && !field.multiple && field.computed === undefined && (
          <Prop label="默认值" errors={at('default')}>
            {(id, d) =>
              codeTable ? (
                <select
                  id={id}
                  className="input"
                  aria-describedby={d}
                  value={String(field.default ?? '')}
                  onChange={(e) => set({ default: e.target.value || undefined })}
                >
                  <option value="">无</option>
                  {codeTable.items.map((i) => (
                    <option key={i.code} value={i.code}>
                      {i.code} {i.label}
                    </option>
                  ))}
                </select>
              ) : (
                <input
                  id={id}
                  className="input"
                  aria-describedby={d}
                  placeholder={type === 'date' ? 'YYYY-MM-DD' : undefined}
                  value={field.default === undefined || field.default === null ? '' : String(field.default)}
                  onChange={(e) => set({ default: type === 'number' ? num(e.target.value) : e.target.value || undefined })}
                />
              )
            }
          </Prop>
        )}
        {text('placeholder', '输入提示')}
        {text('example', '示例值（导入模板的示例行）')}
        {text('help', '填写说明')}
      </div>
      {type === 'file' && (
        <fieldset className="inline-choices">
          <legend>可上传的文件</legend>
          {(['image', 'pdf'] as const).map((k) => (
            <label key={k} className="inline">
              <input
                type="checkbox"
                checked={accept.includes(k)}
                onChange={(e) => {
                  const next = e.target.checked ? [...accept, k] : accept.filter((x) => x !== k);
                  set({ accept: next.length ? next : undefined });
                }}
              />
              {k === 'image' ? '图片' : 'PDF'}
            </label>
          ))}
          {at('accept').length > 0 && <p className="field-error">{at('accept').join('；')}</p>}
        </fieldset>
      )}
      <RuleEditor
        label="显示条件"
        def={def}
        value={field.visibleWhen}
        errors={at('visibleWhen')}
        rowFields={rowFields}
        onChange={(r) => set({ visibleWhen: r })}
      />
      <RuleEditor
        label="必填条件"
        def={def}
        value={field.requiredWhen}
        errors={at('requiredWhen')}
        rowFields={rowFields}
        onChange={(r) => set({ requiredWhen: r })}
      />
      {type !== 'file' && type !== 'group' && (
        <RuleEditor
          label="计算公式"
          kind="value"
          def={def}
          value={field.computed}
          errors={at('computed')}
          rowFields={rowFields}
          onChange={(r) => set({ computed: r, ...(r !== undefined ? { default: undefined } : {}) })}
        />
      )}
      {rowFields ? (
        <p className="muted">子字段的权限随所在分组。</p>
      ) : (
        <AccessEditor
          label="权限（本字段）"
          def={def}
          value={field.access}
          errors={at('access')}
          inheritLabel="沿用分节/表单设置"
          onChange={(a) => set({ access: a })}
        />
      )}
      {type === 'group' && <GroupFieldsEditor def={def} group={field} path={path} errors={errors} onChange={(fields) => set({ fields })} />}
    </div>
  );
}

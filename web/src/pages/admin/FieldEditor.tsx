/** One field's settings: key, type, labels, limits, preset pattern, code table, rules and access. */
import { useId, type ReactNode } from 'react';
import { BUILTIN_CODE_TABLES } from '../../../../forms/codes';
import { AccessEditor } from './AccessEditor';
import { messagesAt } from './definition-errors';
import { FIELD_TYPES, PRESET_PATTERNS, type DefinitionError, type FieldDef, type FieldType, type FormDefinition } from './editor-engine';
import { FIELD_TYPE_LABELS, PATTERN_LABELS } from './labels';
import { RuleEditor } from './RuleEditor';

interface Props {
  def: FormDefinition;
  field: FieldDef;
  /** the checker's path of this field, e.g. 'steps[0].sections[1].rows[0][2]' */
  path: string;
  errors: readonly DefinitionError[];
  onChange(field: FieldDef): void;
}

const TEXT_TYPES: FieldType[] = ['text', 'textarea', 'email'];

function Prop({ label, errors, children }: { label: string; errors: string[]; children: (id: string, describedBy?: string) => ReactNode }) {
  const id = useId();
  return (
    <div className={`field${errors.length ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>{label}</label>
      {children(id, errors.length ? `${id}-e` : undefined)}
      {errors.length > 0 && <p id={`${id}-e`} className="field-error">{errors.join('；')}</p>}
    </div>
  );
}

const num = (v: string): number | undefined => (v.trim() === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

export function FieldEditor({ def, field, path, errors, onChange }: Props) {
  const at = (prop: string) => messagesAt(errors, `${path}.${prop}`);
  const set = (patch: Partial<FieldDef>) => {
    const next = { ...field, ...patch } as Record<string, unknown>;
    for (const k of Object.keys(next)) if (next[k] === undefined || next[k] === '') delete next[k];
    onChange(next as unknown as FieldDef);
  };
  const text = (prop: 'key' | 'label' | 'labelEn' | 'help' | 'placeholder' | 'unit', label: string) => (
    <Prop label={label} errors={at(prop)}>
      {(id, d) => <input id={id} className="input" aria-describedby={d} aria-invalid={!!d} value={(field[prop] as string | undefined) ?? ''} onChange={(e) => set({ [prop]: e.target.value })} />}
    </Prop>
  );
  const number = (prop: 'minLength' | 'maxLength' | 'min' | 'max' | 'decimals' | 'maxFiles', label: string, asDate = false) => (
    <Prop label={label} errors={at(prop)}>
      {(id, d) => (
        <input id={id} className="input" type={asDate ? 'text' : 'number'} inputMode={asDate ? undefined : 'numeric'} aria-describedby={d}
          placeholder={asDate ? 'YYYY-MM-DD 或 today' : undefined}
          value={field[prop] === undefined ? '' : String(field[prop])}
          onChange={(e) => set({ [prop]: asDate ? e.target.value || undefined : num(e.target.value) })} />
      )}
    </Prop>
  );
  const tables = [...(def.codeTables ?? []).map((t) => [t.key, t.label]), ...Object.values(BUILTIN_CODE_TABLES).map((t) => [t.key, t.label])];
  const type = field.type;
  return (
    <div className="field-editor">
      <div className="editor-grid">
        {text('key', '字段键（英文）')}
        <Prop label="类型" errors={at('type')}>
          {(id) => (
            <select id={id} className="input" value={type} onChange={(e) => set({ type: e.target.value as FieldType })}>
              {FIELD_TYPES.map((t) => <option key={t} value={t}>{FIELD_TYPE_LABELS[t]}</option>)}
            </select>
          )}
        </Prop>
        {text('label', '名称（中文）')}
        {text('labelEn', '名称（英文）')}
      </div>
      <label className="inline">
        <input type="checkbox" checked={field.required === true} onChange={(e) => set({ required: e.target.checked || undefined })} /> 必填
      </label>
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
        {(type === 'text' || type === 'textarea') && (
          <Prop label="格式" errors={at('pattern')}>
            {(id) => (
              <select id={id} className="input" value={field.pattern ?? ''} onChange={(e) => set({ pattern: (e.target.value || undefined) as FieldDef['pattern'] })}>
                <option value="">不限</option>
                {PRESET_PATTERNS.map((p) => <option key={p} value={p}>{PATTERN_LABELS[p] ?? p}</option>)}
              </select>
            )}
          </Prop>
        )}
        {(type === 'select' || type === 'radio') && (
          <Prop label="代码表" errors={at('codeTable')}>
            {(id, d) => (
              <select id={id} className="input" aria-describedby={d} value={field.codeTable ?? ''} onChange={(e) => set({ codeTable: e.target.value || undefined })}>
                <option value="">请选择</option>
                {tables.map(([k, l]) => <option key={k} value={k}>{l}（{k}）</option>)}
                {field.codeTable && !tables.some(([k]) => k === field.codeTable) && <option value={field.codeTable}>{field.codeTable}（不存在）</option>}
              </select>
            )}
          </Prop>
        )}
        {type === 'region' && (
          <Prop label="至少选到" errors={at('regionLevel')}>
            {(id) => (
              <select id={id} className="input" value={field.regionLevel ?? 'district'} onChange={(e) => set({ regionLevel: e.target.value as FieldDef['regionLevel'] })}>
                <option value="province">省</option><option value="city">市</option><option value="district">区县</option>
              </select>
            )}
          </Prop>
        )}
        {text('help', '填写说明')}
      </div>
      {messagesAt(errors, `${path}.default`).length > 0 && <p className="field-error">默认值：{messagesAt(errors, `${path}.default`).join('；')}</p>}
      <RuleEditor label="显示条件" def={def} value={field.visibleWhen} errors={at('visibleWhen')} onChange={(r) => set({ visibleWhen: r })} />
      <RuleEditor label="必填条件" def={def} value={field.requiredWhen} errors={at('requiredWhen')} onChange={(r) => set({ requiredWhen: r })} />
      <RuleEditor label="计算公式" def={def} value={field.computed} errors={at('computed')} onChange={(r) => set({ computed: r })} jsonOnly />
      <AccessEditor label="权限（本字段）" def={def} value={field.access} errors={at('access')} inheritLabel="沿用分节/表单设置" onChange={(a) => set({ access: a })} />
      {type === 'group' && <p className="muted">分组的子字段请在 JSON 视图中编辑（fields）。</p>}
    </div>
  );
}

/** Builds a visible-when / required-when / check rule from "field · operator · value" rows, or as raw JSON. */
import { useId, useMemo, useRef, useState } from 'react';
import { checkRule, fieldEntries, resolveCodeTable, type FieldDef, type FormDefinition, type Rule } from './editor-engine';
import { OPERATOR_LABELS } from './labels';
import { fromRule, OPERATORS, toRule, type Condition, type Operator, type SimpleRule } from './rule-model';

interface Props {
  label: string;
  def: FormDefinition;
  value: Rule | undefined;
  onChange(rule: Rule | undefined): void;
  /** the checker's messages for this rule */
  errors: string[];
  /** offer only the JSON view (computed values are arithmetic, not conditions) */
  jsonOnly?: boolean;
}

function ValueInput({ def, field, value, onChange, label }: { def: FormDefinition; field?: FieldDef; value: string; onChange(v: string): void; label: string }) {
  const table = field?.codeTable ? resolveCodeTable(def, field.codeTable) : undefined;
  if (table) {
    return (
      <select className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">请选择</option>
        {table.items.map((i) => <option key={i.code} value={i.code}>{i.code} {i.label}</option>)}
      </select>
    );
  }
  return <input className="input" aria-label={label} value={value} onChange={(e) => onChange(e.target.value)} />;
}

function JsonRule({ value, onChange, label }: { value: Rule | undefined; onChange(rule: Rule | undefined): void; label: string }) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value)));
  const [problem, setProblem] = useState<string | null>(null);
  const apply = (t: string) => {
    setText(t);
    if (t.trim() === '') {
      setProblem(null);
      onChange(undefined);
      return;
    }
    try {
      const parsed = JSON.parse(t) as Rule;
      const issues = checkRule(parsed);
      setProblem(issues.length > 0 ? issues.map((i) => `${i.path || '规则'}：${i.message}`).join('；') : null);
      onChange(parsed);
    } catch {
      setProblem('不是有效的 JSON');
    }
  };
  return (
    <>
      <textarea className="input mono" rows={3} aria-label={`${label}（JSON）`} value={text} onChange={(e) => apply(e.target.value)} />
      {problem && <p className="field-error" role="alert">{problem}</p>}
    </>
  );
}

export function RuleEditor({ label, def, value, onChange, errors, jsonOnly }: Props) {
  const id = useId();
  const fields = useMemo(() => new Map(fieldEntries(def).map((e) => [e.field.key, e.field])), [def]);
  const parsed = useMemo(() => fromRule(value), [value]);
  const [raw, setRaw] = useState(jsonOnly || parsed === null);
  // Conditions being filled in (no field chosen yet) exist only here until they make a rule.
  const [simple, setSimple] = useState<SimpleRule>(() => parsed ?? { join: 'and', conditions: [] });
  const emitted = useRef(JSON.stringify(value ?? null));
  const current = JSON.stringify(value ?? null);
  if (current !== emitted.current) {
    emitted.current = current;
    setSimple(parsed ?? { join: 'and', conditions: [] });
  }
  const set = (next: SimpleRule) => {
    setSimple(next);
    const rule = toRule(next, fields);
    emitted.current = JSON.stringify(rule ?? null);
    onChange(rule);
  };
  const setCondition = (i: number, patch: Partial<Condition>) =>
    set({ ...simple, conditions: simple.conditions.map((c, j) => (j === i ? { ...c, ...patch } : c)) });

  return (
    <fieldset className="rule-editor" aria-describedby={errors.length ? `${id}-err` : undefined}>
      <legend>{label}</legend>
      {!jsonOnly && (
        <button type="button" className="btn btn-small" onClick={() => setRaw(!raw)} aria-pressed={raw}>
          {raw ? '用条件编辑' : '用 JSON 编辑'}
        </button>
      )}
      {raw || parsed === null ? (
        <>
          {parsed === null && !jsonOnly && <p className="muted">此规则较复杂，只能用 JSON 编辑。</p>}
          <JsonRule key={JSON.stringify(value ?? null)} value={value} onChange={onChange} label={label} />
        </>
      ) : (
        <>
          {simple.conditions.length > 1 && (
            <label className="inline">
              条件之间：
              <select className="input" value={simple.join} onChange={(e) => set({ ...simple, join: e.target.value as 'and' | 'or' })}>
                <option value="and">全部满足（并且）</option>
                <option value="or">任一满足（或者）</option>
              </select>
            </label>
          )}
          {simple.conditions.length === 0 && <p className="muted">未设置（始终{label.includes('显示') ? '显示' : '不生效'}）</p>}
          <ol className="rule-conditions">
            {simple.conditions.map((c, i) => (
              <li key={i} className="rule-condition">
                <select className="input" aria-label={`${label} 条件 ${i + 1} 的字段`} value={c.field} onChange={(e) => setCondition(i, { field: e.target.value, value: '' })}>
                  <option value="">选择字段</option>
                  {[...fields.values()].map((f) => <option key={f.key} value={f.key}>{f.label}（{f.key}）</option>)}
                </select>
                <select className="input" aria-label={`${label} 条件 ${i + 1} 的运算`} value={c.op} onChange={(e) => setCondition(i, { op: e.target.value as Operator })}>
                  {OPERATORS.map((op) => <option key={op} value={op}>{OPERATOR_LABELS[op]}</option>)}
                </select>
                {c.op !== 'empty' && c.op !== 'notEmpty' && (
                  <ValueInput def={def} field={fields.get(c.field)} value={c.value} label={`${label} 条件 ${i + 1} 的值`} onChange={(v) => setCondition(i, { value: v })} />
                )}
                <button type="button" className="btn btn-small btn-link-danger" aria-label={`删除${label}条件 ${i + 1}`}
                  onClick={() => set({ ...simple, conditions: simple.conditions.filter((_, j) => j !== i) })}>删除</button>
              </li>
            ))}
          </ol>
          <button type="button" className="btn btn-small" onClick={() => set({ ...simple, conditions: [...simple.conditions, { field: '', op: '==', value: '' }] })}>
            添加条件
          </button>
        </>
      )}
      {errors.length > 0 && (
        <ul id={`${id}-err`} className="field-error">{errors.map((m, i) => <li key={i}>{m}</li>)}</ul>
      )}
    </fieldset>
  );
}

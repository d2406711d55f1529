/**
 * Builds a rule by picking, or edits it as raw JSON: a condition (visible-when, required-when,
 * checks) or a value (a computed field's formula). Picks that are not finished yet (a row without
 * its field) live here until they make a rule.
 */
import { useId, useMemo, useState } from 'react';
import { CondEditor } from './CondEditor';
import { checkRule, fieldEntries, uncheckedList, type FieldDef, type FormDefinition, type Rule } from './editor-engine';
import { ExprInput } from './ExprInput';
import { condFromRule, condToRule, emptyGroup, exprFromRule, exprToRule, type Cond, type Expr, type FieldsByName } from './rule-model';

interface Props {
  label: string;
  def: FormDefinition;
  value: Rule | undefined;
  onChange: (rule: Rule | undefined) => void;
  /** the checker's messages for this rule */
  errors: string[];
  /** 'condition' (default) or 'value': a computed field's formula */
  kind?: 'condition' | 'value';
  /** a group sub-field's rule may also read the other fields of its row (`$row.key`) */
  rowFields?: FieldDef[];
}

function JsonRule({ value, onChange, label }: { value: Rule | undefined; onChange: (rule: Rule | undefined) => void; label: string }) {
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
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

/** Top-level fields by key, then the row's siblings as `$row.key`. */
export function fieldsByName(def: FormDefinition, rowFields?: FieldDef[]): FieldsByName {
  const map: FieldsByName = new Map(fieldEntries(def).map((e) => [e.field.key, e.field]));
  for (const f of uncheckedList(rowFields)) if (f && typeof f.key === 'string') map.set(`$row.${f.key}`, f);
  return map;
}

type Picks = { kind: 'condition'; cond: Cond } | { kind: 'value'; expr: Expr | undefined };

/** The picks of no rule at all: an empty condition group, or no value. */
function noPicks(kind: 'condition' | 'value'): Picks {
  return kind === 'condition' ? { kind, cond: emptyGroup() } : { kind, expr: undefined };
}

function picksOf(kind: 'condition' | 'value', rule: Rule | undefined): Picks | null {
  if (kind === 'condition') {
    const cond = condFromRule(rule);
    return cond ? { kind, cond } : null;
  }
  if (rule === undefined) return { kind, expr: undefined };
  const expr = exprFromRule(rule);
  return expr ? { kind, expr } : null;
}

export function RuleEditor({ label, def, value, onChange, errors, kind = 'condition', rowFields }: Props) {
  const id = useId();
  const fields = useMemo(() => fieldsByName(def, rowFields), [def, rowFields]);
  const parsed = useMemo(() => picksOf(kind, value), [kind, value]);
  const [raw, setRaw] = useState(parsed === null);
  const [picks, setPicks] = useState<Picks>(() => parsed ?? noPicks(kind));
  // a new value from outside (another editor, the JSON view) replaces the picks
  const current = JSON.stringify(value ?? null);
  const [emitted, setEmitted] = useState(current);
  if (current !== emitted) {
    setEmitted(current);
    setPicks(parsed ?? noPicks(kind));
  }
  const set = (next: Picks) => {
    setPicks(next);
    const rule = next.kind === 'condition' ? condToRule(next.cond, fields) : next.expr && exprToRule(next.expr, fields);
    setEmitted(JSON.stringify(rule ?? null));
    onChange(rule);
  };
  const emptyText = `未设置（${label.includes('显示') ? '始终显示' : label.includes('必填') ? '按“必填”设置' : '不生效'}）`;

  return (
    <fieldset className="rule-editor" aria-describedby={errors.length ? `${id}-err` : undefined}>
      <legend>{label}</legend>
      <button type="button" className="btn btn-small" onClick={() => setRaw(!raw)} aria-pressed={raw}>
        {raw ? (kind === 'value' ? '用公式编辑' : '用条件编辑') : '用 JSON 编辑'}
      </button>
      {raw || parsed === null ? (
        <>
          {parsed === null && <p className="muted">此规则较复杂，只能用 JSON 编辑。</p>}
          <JsonRule key={JSON.stringify(value ?? null)} value={value} onChange={onChange} label={label} />
        </>
      ) : picks.kind === 'condition' ? (
        <CondEditor
          def={def}
          fields={fields}
          value={picks.cond}
          label={label}
          emptyText={emptyText}
          onChange={(cond) => set({ kind: 'condition', cond })}
        />
      ) : picks.expr === undefined ? (
        <p>
          <span className="muted">未设置（由填写人填写）</span>{' '}
          <button type="button" className="btn btn-small" onClick={() => set({ kind: 'value', expr: { kind: 'field', key: '' } })}>
            设置{label}
          </button>
        </p>
      ) : (
        <div className="formula">
          <span className="muted">= </span>
          <ExprInput def={def} fields={fields} value={picks.expr} label={label} onChange={(expr) => set({ kind: 'value', expr })} />
          <button type="button" className="btn btn-small btn-link-danger" onClick={() => set({ kind: 'value', expr: undefined })}>
            清除{label}
          </button>
        </div>
      )}
      {errors.length > 0 && (
        <ul id={`${id}-err`} className="field-error">
          {errors.map((m, i) => (
            <li key={i}>{m}</li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}

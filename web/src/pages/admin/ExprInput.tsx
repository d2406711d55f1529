/**
 * One value of a rule, picked rather than typed: a field, a number, a text, yes/no, today, or a
 * calculation of other values (nested up to a few levels, within the engine's rule limits).
 */
import { CondEditor } from './CondEditor';
import { resolveCodeTable, type FieldDef, type FormDefinition } from './editor-engine';
import { EXPR_KIND_LABELS } from './labels';
import { ARITHMETIC, ARITY, emptyGroup, type Arithmetic, type Expr, type FieldsByName } from './rule-model';

/** Calculations nest at most this deep in the editor: deeper formulas are unreadable anyway. */
export const MAX_EXPR_DEPTH = 4;

type KindKey = Exclude<Expr['kind'], 'op'> | Arithmetic;
const LEAVES: KindKey[] = ['field', 'number', 'text', 'bool', 'today'];
const COMPOSITES: KindKey[] = [...ARITHMETIC, 'len', 'days', 'if'];

const kindOf = (e: Expr): KindKey => (e.kind === 'op' ? e.op : e.kind);
const blankFor = (op: Arithmetic): Expr => (op === 'concat' ? { kind: 'text', text: '' } : { kind: 'number', text: '' });

/** The value after the admin picks another kind: a calculation keeps what was there as its first operand. */
function switchKind(current: Expr, to: KindKey): Expr {
  switch (to) {
    case 'field':
      return { kind: 'field', key: current.kind === 'field' ? current.key : '' };
    case 'number':
      return { kind: 'number', text: current.kind === 'text' || current.kind === 'number' ? current.text : '' };
    case 'text':
      return { kind: 'text', text: current.kind === 'text' || current.kind === 'number' ? current.text : '' };
    case 'bool':
      return { kind: 'bool', value: true };
    case 'today':
      return { kind: 'today' };
    case 'len':
    case 'days':
      return { kind: to, arg: current };
    case 'if':
      return { kind: 'if', when: emptyGroup(), then: current, else: { kind: 'number', text: '' } };
    default: {
      const [, max] = ARITY[to];
      const args = current.kind === 'op' ? current.args.slice(0, max) : [current];
      while (args.length < Math.min(2, max)) args.push(blankFor(to));
      return { kind: 'op', op: to, args };
    }
  }
}

export interface ExprNames {
  kind?: string;
  field?: string;
  value?: string;
}

interface Props {
  def: FormDefinition;
  fields: FieldsByName;
  value: Expr;
  onChange: (e: Expr) => void;
  /** names this value for screen readers and for the labels of its parts */
  label: string;
  names?: ExprNames;
  /** the field on the other side of a comparison: its code table offers the values */
  like?: FieldDef;
  depth?: number;
}

export function ExprInput({ def, fields, value, onChange, label, names = {}, like, depth = 1 }: Props) {
  const n = { kind: names.kind ?? `${label}的类型`, field: names.field ?? `${label}的字段`, value: names.value ?? `${label}的值` };
  const kinds = depth < MAX_EXPR_DEPTH ? [...LEAVES, ...COMPOSITES] : LEAVES;
  const table = like?.codeTable ? resolveCodeTable(def, like.codeTable) : undefined;
  return (
    <span className={`expr expr-${value.kind}`}>
      <select
        className="input input-compact"
        aria-label={n.kind}
        value={kindOf(value)}
        onChange={(e) => onChange(switchKind(value, e.target.value as KindKey))}
      >
        {kinds.map((k) => (
          <option key={k} value={k}>
            {EXPR_KIND_LABELS[k]}
          </option>
        ))}
      </select>
      {value.kind === 'field' && (
        <select className="input" aria-label={n.field} value={value.key} onChange={(e) => onChange({ kind: 'field', key: e.target.value })}>
          <option value="">选择字段</option>
          {[...fields].map(([name, f]) => (
            <option key={name} value={name}>
              {name.startsWith('$row.') ? '本行·' : ''}
              {f.label}（{f.key}）
            </option>
          ))}
          {value.key && !fields.has(value.key) && <option value={value.key}>{value.key}（不存在）</option>}
        </select>
      )}
      {value.kind === 'number' && (
        <input
          className="input"
          aria-label={n.value}
          inputMode="decimal"
          value={value.text}
          aria-invalid={value.text.trim() === '' || !Number.isFinite(Number(value.text))}
          onChange={(e) => onChange({ kind: 'number', text: e.target.value })}
        />
      )}
      {value.kind === 'text' && table && (
        <select
          className="input"
          aria-label={n.value}
          value={value.text}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        >
          <option value="">请选择</option>
          {table.items.map((i) => (
            <option key={i.code} value={i.code}>
              {i.code} {i.label}
            </option>
          ))}
        </select>
      )}
      {value.kind === 'text' && !table && (
        <input
          className="input"
          aria-label={n.value}
          value={value.text}
          onChange={(e) => onChange({ kind: 'text', text: e.target.value })}
        />
      )}
      {value.kind === 'bool' && (
        <select
          className="input"
          aria-label={n.value}
          value={String(value.value)}
          onChange={(e) => onChange({ kind: 'bool', value: e.target.value === 'true' })}
        >
          <option value="true">是</option>
          <option value="false">否</option>
        </select>
      )}
      {value.kind === 'op' && <Operands def={def} fields={fields} value={value} onChange={onChange} label={label} depth={depth} />}
      {(value.kind === 'len' || value.kind === 'days') && (
        <span className="expr-args">
          <ExprInput
            def={def}
            fields={fields}
            value={value.arg}
            label={`${label}${value.kind === 'len' ? '的文字' : '的日期'}`}
            depth={depth + 1}
            onChange={(arg) => onChange({ ...value, arg })}
          />
        </span>
      )}
      {value.kind === 'if' && (
        <span className="expr-args expr-if">
          <span className="muted">如果</span>
          <CondEditor
            def={def}
            fields={fields}
            value={value.when}
            label={`${label}的条件`}
            depth={depth + 1}
            emptyText="未设置条件（总是取“满足时”的值）"
            onChange={(when) => onChange({ ...value, when })}
          />
          <span className="muted">满足时取</span>
          <ExprInput
            def={def}
            fields={fields}
            value={value.then}
            label={`${label}满足时`}
            depth={depth + 1}
            onChange={(then) => onChange({ ...value, then })}
          />
          <span className="muted">否则取</span>
          <ExprInput
            def={def}
            fields={fields}
            value={value.else}
            label={`${label}否则`}
            depth={depth + 1}
            onChange={(otherwise) => onChange({ ...value, else: otherwise })}
          />
        </span>
      )}
    </span>
  );
}

function Operands({
  def,
  fields,
  value,
  onChange,
  label,
  depth,
}: Omit<Props, 'value'> & { value: Extract<Expr, { kind: 'op' }>; depth: number }) {
  const [min, max] = ARITY[value.op];
  const set = (args: Expr[]) => onChange({ ...value, args });
  return (
    <ol className="expr-args">
      {value.args.map((arg, i) => (
        <li key={i}>
          <ExprInput
            def={def}
            fields={fields}
            value={arg}
            label={`${label}第 ${i + 1} 项`}
            depth={depth + 1}
            onChange={(a) => set(value.args.map((x, j) => (j === i ? a : x)))}
          />
          {value.args.length > Math.max(min, 2) && (
            <button
              type="button"
              className="btn btn-small btn-link-danger"
              aria-label={`删除${label}第 ${i + 1} 项`}
              onClick={() => set(value.args.filter((_, j) => j !== i))}
            >
              删除
            </button>
          )}
        </li>
      ))}
      {value.args.length < max && (
        <li>
          <button
            type="button"
            className="btn btn-small"
            aria-label={`${label}添加一项`}
            onClick={() => set([...value.args, blankFor(value.op)])}
          >
            添加一项
          </button>
        </li>
      )}
    </ol>
  );
}

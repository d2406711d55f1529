/**
 * A condition as rows "value · operator · value" joined by and/or, with nested groups for
 * "A, or both B and C". Used by visible-when, required-when, checks and a formula's "if".
 */
import { ExprInput } from './ExprInput';
import type { FormDefinition } from './editor-engine';
import { OPERATOR_LABELS } from './labels';
import { newTest, OPERATORS, emptyGroup, type Cond, type Expr, type FieldsByName, type Operator } from './rule-model';

/** Groups nest at most this deep in the editor. */
const MAX_GROUP_DEPTH = 3;

interface Props {
  def: FormDefinition;
  fields: FieldsByName;
  value: Cond;
  onChange: (c: Cond) => void;
  label: string;
  /** what no condition means here, e.g. 未设置（始终显示） */
  emptyText: string;
  depth?: number;
  /** numbering of the group's rows: '' at the top ("条件 2"), '2.' inside the second row ("条件 2.1") */
  prefix?: string;
}

const blankLike = (f: { type: string } | undefined): Expr =>
  f?.type === 'number' ? { kind: 'number', text: '' } : { kind: 'text', text: '' };

function TestRow({
  def,
  fields,
  value,
  onChange,
  label,
  n,
}: {
  def: FormDefinition;
  fields: FieldsByName;
  value: Extract<Cond, { kind: 'test' }>;
  onChange: (c: Cond) => void;
  label: string;
  n: string;
}) {
  const leftField = value.left.kind === 'field' ? fields.get(value.left.key) : undefined;
  const rightField = value.right.kind === 'field' ? fields.get(value.right.key) : undefined;
  const setLeft = (left: Expr) => {
    const leftChanged = left.kind === 'field' && value.left.kind === 'field' && left.key !== value.left.key;
    // a literal picked for the old field means nothing for the new one
    const right =
      leftChanged && (value.right.kind === 'text' || value.right.kind === 'number') ? blankLike(fields.get(left.key)) : value.right;
    onChange({ ...value, left, right });
  };
  return (
    <span className="rule-condition">
      <ExprInput
        def={def}
        fields={fields}
        value={value.left}
        onChange={setLeft}
        like={rightField}
        label={`${label} 条件 ${n} 左侧`}
        names={{ kind: `${label} 条件 ${n} 左侧的类型`, field: `${label} 条件 ${n} 的字段`, value: `${label} 条件 ${n} 左侧的值` }}
      />
      <select
        className="input"
        aria-label={`${label} 条件 ${n} 的运算`}
        value={value.op}
        onChange={(e) => onChange({ ...value, op: e.target.value as Operator })}
      >
        {OPERATORS.map((op) => (
          <option key={op} value={op}>
            {OPERATOR_LABELS[op]}
          </option>
        ))}
      </select>
      {value.op === 'in' && (
        <input
          className="input"
          aria-label={`${label} 条件 ${n} 的值`}
          placeholder="如 10,11,12"
          value={value.list}
          onChange={(e) => onChange({ ...value, list: e.target.value })}
        />
      )}
      {value.op !== 'in' && value.op !== 'empty' && value.op !== 'notEmpty' && (
        <ExprInput
          def={def}
          fields={fields}
          value={value.right}
          onChange={(right) => onChange({ ...value, right })}
          like={leftField}
          label={`${label} 条件 ${n} 右侧`}
          names={{ kind: `${label} 条件 ${n} 右侧的类型`, field: `${label} 条件 ${n} 右侧的字段`, value: `${label} 条件 ${n} 的值` }}
        />
      )}
    </span>
  );
}

export function CondEditor({ def, fields, value, onChange, label, emptyText, depth = 1, prefix = '' }: Props) {
  if (value.kind !== 'group') return null;
  const set = (items: Cond[]) => onChange({ ...value, items });
  const setItem = (i: number, c: Cond) => set(value.items.map((x, j) => (j === i ? c : x)));
  return (
    <div className="cond-group">
      {value.items.length > 1 && (
        <label className="inline">
          条件之间：
          <select
            className="input"
            aria-label={`${label} ${prefix ? `条件组 ${prefix.slice(0, -1)} ` : ''}条件之间`}
            value={value.join}
            onChange={(e) => onChange({ ...value, join: e.target.value as 'and' | 'or' })}
          >
            <option value="and">全部满足（并且）</option>
            <option value="or">任一满足（或者）</option>
          </select>
        </label>
      )}
      {value.items.length === 0 && <p className="muted">{emptyText}</p>}
      <ol className="rule-conditions">
        {value.items.map((c, i) => {
          const n = `${prefix}${i + 1}`;
          return (
            <li key={i}>
              {c.kind === 'group' ? (
                <fieldset className="cond-subgroup">
                  <legend>条件组 {n}</legend>
                  <CondEditor
                    def={def}
                    fields={fields}
                    value={c}
                    onChange={(g) => setItem(i, g)}
                    label={label}
                    emptyText="（空的条件组）"
                    depth={depth + 1}
                    prefix={`${n}.`}
                  />
                </fieldset>
              ) : (
                <TestRow def={def} fields={fields} value={c} onChange={(t) => setItem(i, t)} label={label} n={n} />
              )}
              <button
                type="button"
                className="btn btn-small btn-link-danger"
                aria-label={`删除${label}条件 ${n}`}
                onClick={() => set(value.items.filter((_, j) => j !== i))}
              >
                删除
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="btn btn-small"
        aria-label={prefix ? `在${label}条件组 ${prefix.slice(0, -1)} 中添加条件` : undefined}
        onClick={() => set([...value.items, newTest()])}
      >
        添加条件
      </button>
      {depth < MAX_GROUP_DEPTH && (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => set([...value.items, { ...emptyGroup(), join: value.join === 'and' ? 'or' : 'and', items: [newTest()] }])}
        >
          添加条件组
        </button>
      )}
    </div>
  );
}

/** A definition diff in words: fields added, removed, renamed, changed (property by property), and the rest. */
import type { DefinitionDiff, ImpactReport } from '../../api/forms';
import { FIELD_TYPE_LABELS, PATTERN_LABELS } from './labels';

/** The field properties an admin edits, by the names the editor gives them. */
const PROP_LABELS: Record<string, string> = {
  label: '名称',
  labelEn: '英文名称',
  type: '类型',
  help: '填写说明',
  placeholder: '输入提示',
  example: '示例',
  required: '必填',
  minLength: '最少字数',
  maxLength: '最多字数',
  min: '最小值',
  max: '最大值',
  decimals: '小数位数',
  unit: '单位',
  pattern: '格式',
  codeTable: '代码表',
  multiple: '可多选',
  regionLevel: '行政区划级别',
  maxFiles: '最多文件数',
  accept: '文件类型',
  fields: '分组内的字段',
  minItems: '最少条数',
  maxItems: '最多条数',
  default: '默认值',
  visibleWhen: '显示条件',
  requiredWhen: '必填条件',
  computed: '计算规则',
  access: '字段权限',
};

const show = (v: unknown, prop?: string) => {
  if (v === undefined) return '（无）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (prop === 'type' && typeof v === 'string') return (FIELD_TYPE_LABELS as Record<string, string>)[v] ?? v;
  if (prop === 'pattern' && typeof v === 'string') return PATTERN_LABELS[v] ?? v;
  return typeof v === 'string' ? v : JSON.stringify(v);
};
const short = (v: unknown, prop?: string) => {
  const s = show(v, prop);
  return s.length > 120 ? `${s.slice(0, 120)}…` : s;
};

const OTHER_LABELS: Record<string, string> = {
  title: '表单名称',
  titleEn: '英文名称',
  description: '说明',
  workflow: '业务环节',
  access: '表单权限',
  checks: '跨字段校验',
  codeTables: '私有代码表',
  mappings: '字段映射',
  steps: '页与分节',
};

export function DiffView({ diff }: { diff: DefinitionDiff }) {
  const empty = diff.added.length + diff.removed.length + diff.changed.length + diff.other.length === 0;
  if (empty) return <p className="muted">两个版本内容相同。</p>;
  return (
    <div className="diff-view">
      {diff.added.length > 0 && (
        <>
          <h4>新增字段</h4>
          <ul>
            {diff.added.map((f) => (
              <li key={f.key} className="diff-added">
                + {f.label}（{f.key}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.removed.length > 0 && (
        <>
          <h4>删除字段</h4>
          <ul>
            {diff.removed.map((f) => (
              <li key={f.key} className="diff-removed">
                − {f.label}（{f.key}）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.renamed.length > 0 && (
        <>
          <h4>疑似改名</h4>
          <ul>
            {diff.renamed.map((r) => (
              <li key={r.from}>
                {r.label}：{r.from} → {r.to}（已填写的值不会自动转到新字段键）
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.changed.length > 0 && (
        <>
          <h4>修改的字段</h4>
          <ul>
            {diff.changed.map((f) => (
              <li key={f.key}>
                {f.label}（{f.key}）：
                <ul>
                  {f.changes.map((c) => (
                    <li key={c.prop}>
                      {PROP_LABELS[c.prop] ?? c.prop}：{short(c.from, c.prop)} → {short(c.to, c.prop)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </>
      )}
      {diff.other.length > 0 && (
        <>
          <h4>其他修改</h4>
          <ul>
            {diff.other.map((c) => (
              <li key={c.prop}>{OTHER_LABELS[c.prop] ?? c.prop}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function ImpactView({ impact }: { impact: ImpactReport }) {
  return (
    <div className="impact-view">
      <DiffView diff={impact.changes} />
      <h4>对进行中记录的影响</h4>
      <p>
        检查了 {impact.checked} 条进行中的记录{impact.truncated ? '（记录过多，只检查了一部分）' : ''}，
        {impact.affectedCount === 0 ? '没有记录受影响。' : <strong>{impact.affectedCount} 条受影响。</strong>}
        已有记录仍按各自的版本显示和校验；下表说明它们按新版本校验时会出现的问题。
      </p>
      {impact.affected.length > 0 && (
        <div className="wide-scroll">
          <table className="impact-table">
            <thead>
              <tr>
                <th scope="col">记录</th>
                <th scope="col">状态</th>
                <th scope="col">版本</th>
                <th scope="col">按新版本的问题</th>
              </tr>
            </thead>
            <tbody>
              {impact.affected.map((r) => (
                <tr key={r.id}>
                  <td>
                    <a href={`/r/${r.kind}/${r.id}`} target="_blank" rel="noreferrer">
                      {r.id.slice(0, 8)}
                    </a>
                  </td>
                  <td>{r.stateLabel}</td>
                  <td>v{r.formVersion}</td>
                  <td>
                    <ul>
                      {r.errors.map((e, i) => (
                        <li key={i}>{e.message}</li>
                      ))}
                      {r.dropped.length > 0 && <li>新版本不再包含字段：{r.dropped.join('、')}（已填的值不再显示）</li>}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

/** A definition diff in words: fields added, removed, renamed, changed (property by property), and the rest. */
import type { DefinitionDiff, ImpactReport } from '../../api/forms';

const show = (v: unknown) => (v === undefined ? '（无）' : typeof v === 'string' ? v : JSON.stringify(v));
const short = (v: unknown) => { const s = show(v); return s.length > 120 ? `${s.slice(0, 120)}…` : s; };

const OTHER_LABELS: Record<string, string> = {
  title: '表单名称', titleEn: '英文名称', description: '说明', workflow: '业务环节', access: '表单权限',
  checks: '跨字段校验', codeTables: '私有代码表', mappings: '字段映射', steps: '页与分节',
};

export function DiffView({ diff }: { diff: DefinitionDiff }) {
  const empty = diff.added.length + diff.removed.length + diff.changed.length + diff.other.length === 0;
  if (empty) return <p className="muted">两个版本内容相同。</p>;
  return (
    <div className="diff-view">
      {diff.added.length > 0 && <><h4>新增字段</h4><ul>{diff.added.map((f) => <li key={f.key} className="diff-added">+ {f.label}（{f.key}）</li>)}</ul></>}
      {diff.removed.length > 0 && <><h4>删除字段</h4><ul>{diff.removed.map((f) => <li key={f.key} className="diff-removed">− {f.label}（{f.key}）</li>)}</ul></>}
      {diff.renamed.length > 0 && (
        <><h4>疑似改名</h4><ul>{diff.renamed.map((r) => (
          <li key={r.from}>{r.label}：{r.from} → {r.to}（已填写的值不会自动转到新字段键）</li>
        ))}</ul></>
      )}
      {diff.changed.length > 0 && (
        <><h4>修改的字段</h4><ul>{diff.changed.map((f) => (
          <li key={f.key}>{f.label}（{f.key}）：
            <ul>{f.changes.map((c) => <li key={c.prop}><code>{c.prop}</code>：{short(c.from)} → {short(c.to)}</li>)}</ul>
          </li>
        ))}</ul></>
      )}
      {diff.other.length > 0 && <><h4>其他修改</h4><ul>{diff.other.map((c) => <li key={c.prop}>{OTHER_LABELS[c.prop] ?? c.prop}</li>)}</ul></>}
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
            <thead><tr><th scope="col">记录</th><th scope="col">状态</th><th scope="col">版本</th><th scope="col">按新版本的问题</th></tr></thead>
            <tbody>
              {impact.affected.map((r) => (
                <tr key={r.id}>
                  <td><a href={`/r/${r.kind}/${r.id}`} target="_blank" rel="noreferrer">{r.id.slice(0, 8)}</a></td>
                  <td>{r.stateLabel}</td>
                  <td>v{r.formVersion}</td>
                  <td>
                    <ul>
                      {r.errors.map((e, i) => <li key={i}>{e.path}：{e.message}</li>)}
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

/**
 * 「变更」: for a reviewer, what the other parties changed since the reviewer's step last acted on the
 * record (or since it was first written), with who changed it, open and first; for a student, the
 * corrections against the school's import, as a collapsed summary.
 */
import type { RecordView } from '../../api/types';
import { findField, type FormDefinition } from '../../form-renderer/engine';
import { ChangedValue } from './ChangedValue';
import { roleLabel } from '../../auth/roles';
import { formatBeijingDateTime } from '../../lib/beijing-time';

interface Props {
  kind: string;
  changes: NonNullable<RecordView['changes']>;
  definition: FormDefinition;
  prominent: boolean;
  since?: RecordView['changesSince'];
}

export function ChangesTable({ kind, changes, definition, prominent, since }: Props) {
  const isSource = kind === 'source-records';
  const title = prominent
    ? since?.own
      ? '自您上次处理后其他各方的修改'
      : '其他各方的修改'
    : isSource
      ? '学生修改内容'
      : '与最初版本相比的修改内容';
  const showBy = changes.some((c) => c.by?.length);
  const [beforeLabel, afterLabel] = isSource ? ['导入值', '当前值'] : ['原值', '当前值'];
  const table = (
    <div className="table-wrap">
      <table className="group-table">
        <caption className="sr-only">{title}</caption>
        <thead>
          <tr>
            <th scope="col">字段</th>
            <th scope="col">{beforeLabel}</th>
            <th scope="col">{afterLabel}</th>
            {showBy && <th scope="col">修改方</th>}
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => {
            const f = findField(definition, c.key);
            return (
              <tr key={c.key}>
                <th scope="row">{f?.label ?? c.label}</th>
                <td>
                  <ChangedValue definition={definition} field={f} value={c.before} />
                </td>
                <td className="after">
                  <ChangedValue definition={definition} field={f} value={c.after} />
                </td>
                {showBy && <td>{(c.by ?? []).map(roleLabel).join('、')}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
  if (prominent) {
    return (
      <section className="card changes-card" aria-labelledby="changes-title">
        <h2 id="changes-title">
          {title}（{changes.length} 处）
        </h2>
        <p className="muted small">
          {since?.own
            ? `自您上次处理（${formatBeijingDateTime(since.at)}）以来，其他各方修改了以下字段，请重点核实。`
            : isSource
              ? '学生核对时修改了以下字段，请重点核实。'
              : '自最初提交以来，其他各方修改了以下字段，请重点核实。'}
        </p>
        {table}
      </section>
    );
  }
  return (
    <details className="card changes">
      <summary>{isSource ? `您相对学校导入的信息修改了 ${changes.length} 处` : `与最初版本相比，有 ${changes.length} 处修改`}</summary>
      {table}
    </details>
  );
}

/**
 * Counts (新增 / 更新 / 未变化) and the rows the import skipped: row, student, 身份证号, column, the
 * value as typed, the problem and what the column accepts. The download is the refused rows as
 * they were in the file plus a 问题 column, to fix and import again as is.
 */
import type { ImportRowError, ProblemList } from '../../api/sourceImport';
import { downloadCsv, stamp, toCsv } from './csv';

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  errors: ImportRowError[];
  /** how many initial passwords were issued (the passwords themselves are never stored) */
  credentialCount: number;
  problemList?: ProblemList;
}

const SHOWN_ERRORS = 300;

/** every column: a long digit string (身份证号, 学号) is written so Excel keeps it as text */
function digitColumns(header: string[]): number[] {
  return header.map((_, i) => i);
}

export function ImportResultView({ summary, labelOf }: { summary: ImportSummary; labelOf: (field: string) => string }) {
  const { created, updated, unchanged, errors, problemList } = summary;
  const downloadErrors = () => {
    const csv =
      problemList && problemList.rows.length > 0
        ? toCsv(problemList.header, problemList.rows, digitColumns(problemList.header))
        : toCsv(
            ['行号', '姓名', '身份证号', '列', '填写的值', '问题', '可填写'],
            errors.map((e) => [e.row, e.name, e.idNumber, e.column ?? labelOf(e.field), e.value, e.message, e.accepted]),
            [2],
          );
    downloadCsv(`导入问题-${stamp()}.csv`, csv);
  };
  return (
    <section className="card" aria-labelledby="result-title">
      <h2 id="result-title">导入结果</h2>
      <dl className="stat-list">
        <div className="stat stat-ok">
          <dt>新增</dt>
          <dd>{created}</dd>
        </div>
        <div className="stat">
          <dt>更新</dt>
          <dd>{updated}</dd>
        </div>
        <div className="stat">
          <dt>未变化</dt>
          <dd>{unchanged}</dd>
        </div>
        <div className={`stat${errors.length ? ' stat-bad' : ''}`}>
          <dt>问题</dt>
          <dd>{errors.length}</dd>
        </div>
      </dl>
      {errors.length === 0 ? (
        <p className="muted">所有行均已处理，没有发现问题。</p>
      ) : (
        <>
          <h3 id="err-title">以下行未导入或有问题，请修改文件后重新导入</h3>
          <p className="muted small">重新导入同一文件是安全的：已导入且未变化的行不会重复创建。</p>
          {errors.length > SHOWN_ERRORS && (
            <p className="muted">
              共 {errors.length} 条，仅显示前 {SHOWN_ERRORS} 条，完整清单请下载。
            </p>
          )}
          <div className="table-wrap table-scroll">
            <table className="group-table" aria-labelledby="err-title">
              <thead>
                <tr>
                  <th scope="col">行号</th>
                  <th scope="col">姓名</th>
                  <th scope="col">身份证号</th>
                  <th scope="col">列</th>
                  <th scope="col">填写的值</th>
                  <th scope="col">问题</th>
                  <th scope="col">可填写</th>
                </tr>
              </thead>
              <tbody>
                {errors.slice(0, SHOWN_ERRORS).map((e, i) => (
                  <tr key={`${e.row}:${e.field}:${i}`}>
                    <td>{e.row}</td>
                    <td>{e.name ?? ''}</td>
                    <td>{e.idNumber ?? ''}</td>
                    <td>{e.column ?? labelOf(e.field)}</td>
                    <td>{e.value ?? ''}</td>
                    <td>{e.message}</td>
                    <td className="small">{e.accepted ?? ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            <button type="button" className="btn" onClick={downloadErrors}>
              下载问题清单（CSV）
            </button>
            <span className="muted small"> 清单是未导入的原始行加一列「问题」，改好后可直接重新导入。</span>
          </p>
        </>
      )}
    </section>
  );
}

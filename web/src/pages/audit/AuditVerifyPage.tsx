/** /audit — the administrator checks that no audit event or record was changed behind the platform's back. */
import { useState } from 'react';
import { verifyAuditChain, type ChainProblem, type ChainReport } from '../../api/audit';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { Link } from '../../router';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { isKind } from '../../../../contract/kinds';

function RecordRef({ p }: { p: ChainProblem }) {
  return isKind(p.kind) ? <Link href={`/r/${p.kind}/${p.recordId}`}>{p.recordId}</Link> : <span>{p.recordId}</span>;
}

export default function AuditVerifyPage() {
  useTitle('审计链校验');
  const [report, setReport] = useState<ChainReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setReport(await verifyAuditChain());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  }

  const first = report?.firstBroken;
  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>审计链校验</span>
      </nav>
      <h1 className="page-title">审计链校验</h1>
      <p className="muted">
        每个审计事件都记录了前一个事件的哈希和本次数据快照的摘要，记录本身保存最新事件的哈希。
        直接在数据库中改动或删除事件、或绕过平台修改记录数据，都会在这里被发现。
      </p>
      <p>
        <button type="button" className="btn btn-primary" onClick={() => void run()} disabled={running}>
          {running ? '正在校验…' : '开始校验'}
        </button>
      </p>
      {running && <Loading label="正在逐条校验审计事件…" />}
      {error && <Alert>{error}</Alert>}
      {report && (
        <section className="card" aria-labelledby="h-result" data-result={report.ok ? 'ok' : 'broken'}>
          <h2 id="h-result">{report.ok ? '审计链完整' : '审计链已被破坏'}</h2>
          <p>
            已检查 {report.records} 条记录、{report.events} 个审计事件（{report.hashedEvents} 个在哈希链上；
            {report.preChainRecords} 条记录只有启用哈希链之前的事件，将在其下一个事件时封存）。校验时间{' '}
            {formatBeijingDateTime(report.checkedAt)}。
          </p>
          {report.ok && <Alert tone="ok">没有发现被改动或删除的事件。</Alert>}
          {first && (
            <Alert>
              第一个损坏的事件：记录 <RecordRef p={first} />（{first.kind}），事件 <code>{first.eventId ?? '（无）'}</code>， 时间{' '}
              {first.at ? formatBeijingDateTime(first.at) : '未知'}。{first.message}
            </Alert>
          )}
          {report.problems.length > 0 && (
            <div className="table-scroll">
              <table>
                <caption>有问题的记录（每条记录只列出其第一个损坏的事件，按时间排序）</caption>
                <thead>
                  <tr>
                    <th scope="col">时间</th>
                    <th scope="col">记录</th>
                    <th scope="col">类型</th>
                    <th scope="col">事件</th>
                    <th scope="col">问题</th>
                  </tr>
                </thead>
                <tbody>
                  {report.problems.map((p) => (
                    <tr key={`${p.recordId}:${p.eventId}`}>
                      <td className="nowrap">{p.at ? formatBeijingDateTime(p.at) : '—'}</td>
                      <td>
                        <RecordRef p={p} />
                      </td>
                      <td>{p.kind}</td>
                      <td>
                        <code>{p.eventId ?? '—'}</code>
                      </td>
                      <td>{p.message}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      )}
    </main>
  );
}

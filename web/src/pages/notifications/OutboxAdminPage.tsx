/**
 * /admin/outbox — 发件监控 (admin): e-mail and SMS parked after their last attempt (with the error,
 * and 重新发送), those still waiting, and 本地发件箱 — what the local transport "sent" where no
 * provider is configured. Addresses are masked.
 */
import { useState } from 'react';
import { loadLocalMailbox, loadOutbox, retryOutboxRow, type OutboxRowView } from '../../api/notifications';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { Link } from '../../router';

const CHANNEL = { email: '邮件', sms: '短信' } as Record<string, string>;

function OutboxTable({ rows, onRetry }: { rows: OutboxRowView[]; onRetry?: (id: string) => void }) {
  if (rows.length === 0) return <p className="empty">暂无。</p>;
  return (
    <div className="table-wrap">
      <table className="outbox-table">
        <thead>
          <tr>
            <th scope="col">时间</th>
            <th scope="col">渠道</th>
            <th scope="col">收件人</th>
            <th scope="col">标题</th>
            <th scope="col">尝试次数</th>
            <th scope="col">最后错误</th>
            {onRetry && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatBeijingDateTime(r.createdAt)}</td>
              <td>{CHANNEL[r.channel] ?? r.channel}</td>
              <td>{r.address}</td>
              <td>{r.subject}</td>
              <td>{r.attempts}</td>
              <td>{r.lastError ?? '—'}</td>
              {onRetry && (
                <td>
                  <button type="button" className="btn btn-small" onClick={() => onRetry(r.id)}>
                    重新发送
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export default function OutboxAdminPage() {
  useTitle('发件监控');
  const outboxQuery = useQuery({ queryKey: queryKeys.outbox(), queryFn: ({ signal }) => loadOutbox(signal) });
  const outbox = { data: outboxQuery.data, error: outboxQuery.error, loading: outboxQuery.isPending };
  const mailboxQuery = useQuery({ queryKey: queryKeys.localMailbox(), queryFn: ({ signal }) => loadLocalMailbox(signal) });
  const mailbox = { data: mailboxQuery.data, error: mailboxQuery.error, loading: mailboxQuery.isPending };
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  async function retry(id: string) {
    setFailure(null);
    try {
      await retryOutboxRow(id);
      await client.invalidateQueries({ queryKey: queryKeys.outbox() });
    } catch (e) {
      setFailure((e as Error).message);
    }
  }

  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>发件监控</span>
      </nav>
      <h1 className="page-title">发件监控</h1>
      <p className="muted">
        通知的邮件和短信经队列发送，每条只发送一次；发送失败会按间隔自动重试，多次失败后在此搁置，可在排除原因后重新发送。
      </p>
      {failure && <Alert>{failure}</Alert>}
      {outbox.error && <Alert>{outbox.error.message}</Alert>}
      {outbox.loading && !outbox.data && <Loading />}
      {outbox.data && (
        <>
          <section className="card" aria-labelledby="h-dead">
            <h2 id="h-dead">发送失败（已搁置）</h2>
            <OutboxTable rows={outbox.data.dead} onRetry={(id) => void retry(id)} />
          </section>
          <section className="card" aria-labelledby="h-pending">
            <h2 id="h-pending">等待发送</h2>
            <OutboxTable rows={outbox.data.pending} />
          </section>
        </>
      )}
      <section className="card" aria-labelledby="h-local">
        <h2 id="h-local">本地发件箱</h2>
        <p className="muted">未配置邮件或短信服务时，消息写入这里而不发出，便于开发和验收时查看。</p>
        {mailbox.error && <Alert>{mailbox.error.message}</Alert>}
        {mailbox.data && mailbox.data.items.length === 0 && <p className="empty">本地发件箱为空。</p>}
        {mailbox.data && mailbox.data.items.length > 0 && (
          <ul className="notify-list">
            {mailbox.data.items.map((m) => (
              <li key={m.outboxId} className="notify-item">
                <div className="notify-item-head">
                  <strong>{m.subject}</strong>
                  <span className="muted">
                    {CHANNEL[m.channel] ?? m.channel} → {m.address}
                  </span>
                  <time className="muted notify-item-time" dateTime={m.sentAt}>
                    {formatBeijingDateTime(m.sentAt)}
                  </time>
                </div>
                <p className="notify-item-body">{m.body}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}

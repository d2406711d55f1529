/**
 * /notifications — 消息中心: the caller's messages, unread first, newest first. Opening one marks it
 * read and goes to the record it is about.
 */
import { useState } from 'react';
import { loadNotifications, markAllNotificationsRead, markNotificationRead, type NotificationItem } from '../../api/notifications';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { invalidateAfterNotificationsRead } from '../../api/invalidation';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { Link, navigate } from '../../router';
import { NotificationPreferences } from './NotificationPreferences';

function Message({ n, onOpen }: { n: NotificationItem; onOpen: (n: NotificationItem) => void }) {
  const unread = !n.readAt;
  return (
    <li className={`notify-item${unread ? ' notify-item-unread' : ''}`} data-id={n.id}>
      <div className="notify-item-head">
        {unread && <span className="notify-dot" aria-label="未读" />}
        <button type="button" className="notify-item-title link-button" onClick={() => onOpen(n)}>
          {n.title}
        </button>
        <time className="muted notify-item-time" dateTime={n.createdAt}>
          {formatBeijingDateTime(n.createdAt)}
        </time>
      </div>
      <p className="notify-item-body">{n.body}</p>
      <p className="notify-item-actions">
        {n.link && (
          <button type="button" className="btn btn-small" onClick={() => onOpen(n)}>
            查看记录
          </button>
        )}
        {unread && !n.link && (
          <button type="button" className="btn btn-small" onClick={() => onOpen(n)}>
            标为已读
          </button>
        )}
      </p>
    </li>
  );
}

export default function NotificationsPage() {
  useTitle('消息中心');
  const {
    data,
    error,
    isPending: loading,
  } = useQuery({ queryKey: queryKeys.notificationList(), queryFn: ({ signal }) => loadNotifications(signal) });
  const client = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);

  async function open(n: NotificationItem) {
    setFailure(null);
    try {
      // the list and the header's count alike
      if (!n.readAt) await invalidateAfterNotificationsRead(client, (await markNotificationRead(n.id)).unread);
      if (n.link) navigate(n.link);
    } catch (e) {
      setFailure((e as Error).message);
    }
  }

  async function readAll() {
    setFailure(null);
    try {
      await invalidateAfterNotificationsRead(client, (await markAllNotificationsRead()).unread);
    } catch (e) {
      setFailure((e as Error).message);
    }
  }

  return (
    <main id="main" className="page notify-page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>消息中心</span>
      </nav>
      <div className="notify-page-head">
        <h1 className="page-title">消息中心</h1>
        {!!data?.unread && (
          <button type="button" className="btn btn-small" onClick={() => void readAll()}>
            全部标为已读
          </button>
        )}
      </div>
      {data && (
        <p className="muted">
          {data.unread > 0 ? `${data.unread} 条未读消息` : '没有未读消息'}。邀约、审核结果、解约等与您有关的事项都会在这里通知您。
        </p>
      )}
      {failure && <Alert>{failure}</Alert>}
      {error && <Alert>{error.message}</Alert>}
      {loading && <Loading />}
      {data && data.items.length === 0 && <p className="empty">暂无消息。</p>}
      {data && data.items.length > 0 && (
        <ul className="notify-list" aria-label="消息列表">
          {data.items.map((n) => (
            <Message key={n.id} n={n} onOpen={(item) => void open(item)} />
          ))}
        </ul>
      )}
      <NotificationPreferences />
    </main>
  );
}

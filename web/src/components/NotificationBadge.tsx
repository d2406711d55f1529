/**
 * 消息 in the header: a link to 消息中心 with the unread count, read again on every page change,
 * every minute, and told at once when a message is marked read.
 */
import { useEffect, useState } from 'react';
import { loadUnreadCount, onUnreadAnnounced } from '../api/notifications';
import { Link, useLocation } from '../router';

const EVERY = 60_000;

export function NotificationBadge() {
  const { path } = useLocation();
  const [unread, setUnread] = useState<number | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    const load = () => loadUnreadCount(ctrl.signal).then((r) => setUnread(r.unread), () => undefined);
    load();
    const timer = window.setInterval(load, EVERY);
    return () => {
      ctrl.abort();
      window.clearInterval(timer);
    };
  }, [path]);
  useEffect(() => onUnreadAnnounced(setUnread), []);

  const n = unread ?? 0;
  const label = n > 0 ? `消息中心，${n} 条未读` : '消息中心';
  return (
    <Link href="/notifications" className="notify-badge" aria-label={label} aria-current={path === '/notifications' ? 'page' : undefined} data-unread={n}>
      <span aria-hidden="true" className="notify-badge-icon">✉</span>
      <span className="notify-badge-text">消息</span>
      {n > 0 && <span className="notify-badge-count" aria-hidden="true">{n > 99 ? '99+' : n}</span>}
    </Link>
  );
}

/**
 * 消息 in the header: a link to 消息中心 with the unread count from the query cache, its only
 * source: read again on every page change and every minute; marking a message read puts the new
 * count there at once (`invalidateAfterNotificationsRead`).
 */
import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { loadUnreadCount } from '../api/notifications';
import { queryKeys } from '../api/query-keys';
import { Link, useLocation } from '../router';

const EVERY = 60_000;

export function NotificationBadge() {
  const { path } = useLocation();
  const { data, refetch } = useQuery({
    queryKey: queryKeys.unreadCount(),
    queryFn: ({ signal }) => loadUnreadCount(signal),
    refetchInterval: EVERY,
  });
  // a page change asks again (a message may have arrived while the user worked)
  useEffect(() => {
    void refetch();
  }, [path, refetch]);

  const n = data?.unread ?? 0;
  const label = n > 0 ? `消息中心，${n} 条未读` : '消息中心';
  return (
    <Link
      href="/notifications"
      className="notify-badge"
      aria-label={label}
      aria-current={path === '/notifications' ? 'page' : undefined}
      data-unread={n}
    >
      <span aria-hidden="true" className="notify-badge-icon">
        ✉
      </span>
      <span className="notify-badge-text">消息</span>
      {n > 0 && (
        <span className="notify-badge-count" aria-hidden="true">
          {n > 99 ? '99+' : n}
        </span>
      )}
    </Link>
  );
}

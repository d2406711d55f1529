import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../api/query-client';
import NotificationsPage from '../pages/notifications/NotificationsPage';
import { NotificationBadge } from './NotificationBadge';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const message = (id: string, title: string) => ({
  id,
  category: 'review',
  event: 'agreements.approve',
  title,
  body: '',
  recordKind: null,
  recordId: null,
  link: null,
  createdAt: '2026-12-07T02:00:00.000Z',
  readAt: null,
});

/** Two unread messages (the second about a record); marking the first read leaves one. */
function serve() {
  let unread = 2;
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        unread = 1;
        return Promise.resolve(json({ ...message('n1', '协议书已通过'), readAt: '2026-12-07T03:00:00.000Z', unread }));
      }
      if (path.startsWith('/api/notifications/unread-count')) return Promise.resolve(json({ unread }));
      if (path.startsWith('/api/notifications/preferences')) return Promise.resolve(json({ preferences: [] }));
      return Promise.resolve(
        json({ items: [message('n1', '协议书已通过'), { ...message('n2', '派遣信息待确认'), link: '/r/dispatches/d1' }], unread }),
      );
    }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  queryClient.clear();
});

describe('the header’s unread count learns of a read message through the query cache alone', () => {
  it('marking a message read in 消息中心 lowers the badge, and no window event is sent', async () => {
    serve();
    const sent = vi.spyOn(window, 'dispatchEvent');
    render(
      <QueryClientProvider client={queryClient}>
        <NotificationBadge />
        <NotificationsPage />
      </QueryClientProvider>,
    );
    await screen.findByRole('link', { name: '消息中心，2 条未读' });
    await userEvent.click(await screen.findByRole('button', { name: '标为已读' }));
    await waitFor(() => expect(screen.getByRole('link', { name: '消息中心，1 条未读' })).toBeTruthy());
    expect(queryClient.getQueryData(['notifications', 'unread'])).toEqual({ unread: 1 });
    expect(sent.mock.calls.map(([e]) => e.type).filter((type) => type.startsWith('wangqian:'))).toEqual([]);
  });
});

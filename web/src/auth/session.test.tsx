import { act, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../api/query-client';
import { queryKeys } from '../api/query-keys';
import { SessionProvider, useSession } from './session';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const student = (id: string, name: string) => ({ id, displayName: name, role: 'student', scope: {}, mustChangePassword: false });

function Account() {
  const { status, user, signIn, signOut } = useSession();
  return (
    <div>
      <p>
        {status}:{user?.displayName ?? ''}
      </p>
      <button type="button" onClick={() => void signIn('student2', 'demo1234')}>
        登录
      </button>
      <button type="button" onClick={() => void signOut()}>
        退出
      </button>
    </div>
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

describe("one account never sees another account's cached answers", () => {
  it('signing out, then in as someone else, empties the cache', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((_path: string, init?: RequestInit) => {
        if (init?.method === 'DELETE') return Promise.resolve(json(200, { ok: true }));
        if (init?.method === 'POST') return Promise.resolve(json(200, { user: student('s2', '李四') }));
        return Promise.resolve(json(200, { user: student('s1', '张三') }));
      }),
    );
    render(
      <SessionProvider>
        <Account />
      </SessionProvider>,
    );
    await screen.findByText('signed-in:张三');
    // 张三's agreements, as a list page left them
    queryClient.setQueryData(queryKeys.records('agreements', { limit: 5 }), { items: [{ id: 'a1', title: '张三的协议书' }] });

    act(() => {
      screen.getByRole('button', { name: '退出' }).click();
    });
    await screen.findByText('signed-out:');
    expect(queryClient.getQueryData(queryKeys.records('agreements', { limit: 5 }))).toBeUndefined();

    queryClient.setQueryData(queryKeys.lifecycles('s1'), { agreements: { label: '协议书' } });
    act(() => {
      screen.getByRole('button', { name: '登录' }).click();
    });
    await waitFor(() => expect(screen.getByText('signed-in:李四')).toBeTruthy());
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});

import { QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { forgetLifecycles } from '../api/lifecycles';
import { queryClient } from '../api/query-client';
import { SessionProvider } from '../auth/session';
import { AppHeader } from './AppHeader';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const lifecycle = (label: string) => ({ label, form: 'x', states: {}, next: {}, tones: {}, create: null });

/** The server's answers: the session as given, labels for three kinds, no unread messages; returns what was asked. */
function serve(user: Record<string, unknown>): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string) => {
      asked.push(path);
      if (path.startsWith('/api/session'))
        return Promise.resolve(
          json({ user: { id: 'u1', username: 'u', displayName: '王老师', mustChangePassword: false, scope: {}, ...user } }),
        );
      if (path.startsWith('/api/lifecycles'))
        return Promise.resolve(
          json({ 'source-records': lifecycle('生源信息'), dispatches: lifecycle('派遣信息'), agreements: lifecycle('就业协议书') }),
        );
      return Promise.resolve(json({ unread: 0 }));
    }),
  );
  return asked;
}

function header() {
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <AppHeader />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

/** the labels of the links of each navigation (the desktop bar, the phone menu), in order */
async function navLabels(): Promise<string[][]> {
  const navs = await screen.findAllByRole('navigation', { name: '主导航', hidden: true });
  return navs.map((nav) =>
    within(nav)
      .getAllByRole('link', { hidden: true })
      .map((a) => a.textContent),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
  forgetLifecycles();
});

describe('the header shows the modules the session answer lists, and nothing else', () => {
  it('a school reviewer’s bar is its answer’s modules in order, whatever its role would suggest', async () => {
    serve({ role: 'school', abilities: [], modules: ['dispatches', 'source-records', 'source-import'] });
    header();
    await waitFor(async () =>
      expect(await navLabels()).toEqual([
        ['派遣信息', '生源信息', '生源导入'],
        ['派遣信息', '生源信息', '生源导入'],
      ]),
    );
    // not in the answer: no 学校信息, no 去向跟进, no list of agreements though its lifecycle is known
    expect(screen.queryByRole('link', { name: '学校信息', hidden: true })).toBeNull();
    expect(screen.queryByRole('link', { name: '去向跟进', hidden: true })).toBeNull();
    expect(screen.queryByRole('link', { name: '就业协议书', hidden: true })).toBeNull();
  });

  it('an account whose answer lists no record lists gets its pages without asking for lifecycles', async () => {
    const asked = serve({ role: 'admin', abilities: ['manage_forms'], modules: ['forms', 'audit'] });
    header();
    await waitFor(async () =>
      expect(await navLabels()).toEqual([
        ['表单管理', '审计链校验'],
        ['表单管理', '审计链校验'],
      ]),
    );
    expect(asked.filter((p) => p.startsWith('/api/lifecycles'))).toEqual([]);
  });

  it('基本信息 is offered to an account the answer lets edit its own contact, not to another student', async () => {
    serve({ role: 'student', identityConfirmed: true, abilities: ['edit_own_contact'], modules: [] });
    const first = header();
    expect((await screen.findAllByRole('link', { name: '基本信息', hidden: true })).length).toBeGreaterThan(0);
    first.unmount();
    queryClient.clear();
    serve({ role: 'student', identityConfirmed: true, abilities: [], modules: [] });
    header();
    await screen.findAllByRole('link', { name: '修改密码', hidden: true });
    expect(screen.queryByRole('link', { name: '基本信息', hidden: true })).toBeNull();
  });
});

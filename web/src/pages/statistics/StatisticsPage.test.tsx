import { QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryClient } from '../../api/query-client';
import { SessionProvider, useSession } from '../../auth/session';
import StatisticsPage from './StatisticsPage';

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

const categories = [
  { key: 'contract', label: '协议和合同就业', placed: true, codes: ['10', '11'] },
  { key: 'waiting', label: '待就业', placed: false, codes: ['70'] },
];
const row = (key: string, label: string, graduates: number, signed: number, placed: number) => ({
  key,
  label,
  graduates,
  signed,
  signingRate: graduates ? Math.round((signed / graduates) * 10000) / 100 : null,
  registered: placed + 1,
  placed,
  placementRate: graduates ? Math.round((placed / graduates) * 10000) / 100 : null,
  categories: { contract: placed, waiting: 1 },
});

const ANSWERS: Record<string, unknown> = {
  college: {
    cohort: 2031,
    by: 'college',
    school: null,
    scopeLabel: '江苏示范大学',
    categories,
    rows: [row('col-1', '计算机科学与技术学院', 5, 1, 2), row('col-2', '经济管理学院', 2, 0, 1)],
    total: row('total', '合计', 7, 1, 3),
    days: [],
  },
  gender: {
    cohort: 2031,
    by: 'gender',
    school: null,
    scopeLabel: '江苏示范大学',
    categories,
    rows: [row('1', '男', 4, 1, 1), row('2', '女', 3, 0, 2)],
    total: row('total', '合计', 7, 1, 3),
    days: [],
  },
};

/** the session of a school reviewer, and the statistics of the dimension asked for; returns what was asked */
function serve(): string[] {
  const asked: string[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string) => {
      asked.push(path);
      if (path.startsWith('/api/session'))
        return Promise.resolve(
          json({
            user: {
              id: 'u1',
              username: 'school',
              displayName: '就业处',
              role: 'school',
              mustChangePassword: false,
              scope: {},
              abilities: ['view_statistics'],
              modules: ['statistics'],
            },
          }),
        );
      const by = new URL(path, 'http://x').searchParams.get('by') ?? 'college';
      return Promise.resolve(json(ANSWERS[by]));
    }),
  );
  return asked;
}

/** the page as the app shows it: once the session is known */
function SignedIn() {
  return useSession().user ? <StatisticsPage /> : null;
}

function page() {
  return render(
    <QueryClientProvider client={queryClient}>
      <SessionProvider>
        <SignedIn />
      </SessionProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  queryClient.clear();
});

const bodyRows = (table: HTMLElement) =>
  within(table)
    .getAllByRole('row')
    .map((r) =>
      within(r)
        .queryAllByRole('rowheader')
        .concat(within(r).queryAllByRole('cell'))
        .map((c) => c.textContent),
    );

describe('就业统计 page', () => {
  it('shows the cohort from the address, the figures, a bar per rate and group, and the table with its totals row', async () => {
    window.history.replaceState(null, '', '/statistics?cohort=2031');
    const asked = serve();
    page();
    const table = await screen.findByRole('table');
    expect(asked).toContain('/api/statistics?cohort=2031&by=college');
    expect(screen.getByRole('heading', { name: '江苏示范大学 · 2031 届' })).toBeTruthy();
    const rows = bodyRows(table);
    expect(rows[1]).toEqual(['计算机科学与技术学院', '5', '1', '20.00%', '3', '2', '40.00%', '2', '1']);
    expect(rows.at(-1)).toEqual(['合计', '7', '1', '14.29%', '4', '3', '42.86%', '3', '1']);
    // 待就业 is marked as not counted
    expect(within(table).getByRole('columnheader', { name: /待就业.*不计入落实/ })).toBeTruthy();
    const chart = screen.getByRole('figure', { name: /签约率与去向落实率/ });
    const groups = within(chart).getAllByRole('listitem');
    expect(groups.map((g) => g.textContent)).toEqual([
      expect.stringMatching(/计算机科学与技术学院.*签约率20\.00%.*去向落实率40\.00%/),
      expect.stringMatching(/经济管理学院.*签约率0\.00%.*去向落实率50\.00%/),
    ]);
    expect(screen.getByRole('link', { name: '导出 Excel' }).getAttribute('href')).toBe(
      '/api/statistics?cohort=2031&by=college&format=xlsx',
    );
    // a school reviewer has no school filter
    expect(screen.queryByLabelText('学校')).toBeNull();
  });

  it('switching 统计维度 keeps it in the address and shows that grouping', async () => {
    window.history.replaceState(null, '', '/statistics?cohort=2031');
    serve();
    page();
    await screen.findByRole('table');
    fireEvent.change(screen.getByLabelText('统计维度'), { target: { value: 'gender' } });
    await waitFor(() => expect(screen.getByRole('rowheader', { name: '男' })).toBeTruthy());
    expect(window.location.search).toBe('?cohort=2031&by=gender');
    expect(screen.getByRole('columnheader', { name: '性别' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '导出 CSV' }).getAttribute('href')).toBe('/api/statistics?cohort=2031&by=gender&format=csv');
  });
});

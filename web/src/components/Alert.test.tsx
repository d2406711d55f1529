import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PageError, PageLoading } from './Alert';

describe('a page that is not ready yet says so in its main region', () => {
  it('while loading: the main region holds only the polite 加载中…', () => {
    render(<PageLoading />);
    const main = screen.getByRole('main');
    expect(main.id).toBe('main');
    expect(screen.getByRole('status').textContent).toBe('加载中…');
  });

  it('when loading failed: the page’s title and the reason, announced as an alert', () => {
    render(<PageError title="学校信息">无法连接服务器</PageError>);
    expect(screen.getByRole('heading', { level: 1, name: '学校信息' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('无法连接服务器');
    expect(screen.getByRole('main').id).toBe('main');
  });
});

import { render, screen } from '@testing-library/react';
import { createRef } from 'react';
import { describe, expect, it } from 'vitest';
import { PasswordInput, UsernameInput } from './AccountInputs';

describe('登录 and 用人单位注册 ask for the account the same way', () => {
  it('the username is required, named for password managers, and not capitalised or spell-checked', () => {
    const ref = createRef<HTMLInputElement>();
    render(<UsernameInput ref={ref} value="" onChange={() => undefined} error="请输入用户名" hint="学生请使用身份证号登录" />);
    const input = screen.getByRole('textbox', { name: /用户名/ });
    expect(ref.current).toBe(input);
    expect(input.getAttribute('name')).toBe('username');
    expect(input.getAttribute('autocomplete')).toBe('username');
    expect(input.getAttribute('autocapitalize')).toBe('none');
    expect(input.getAttribute('spellcheck')).toBe('false');
    expect(input.getAttribute('aria-required')).toBe('true');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('请输入用户名')).toBeTruthy();
  });

  it('a password input hides what is typed, is required, and keeps its own name and autocomplete', () => {
    render(<PasswordInput label="确认密码" name="confirm-password" autoComplete="new-password" value="" onChange={() => undefined} />);
    const input = screen.getByLabelText(/确认密码/);
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('name')).toBe('confirm-password');
    expect(input.getAttribute('autocomplete')).toBe('new-password');
    expect(input.getAttribute('aria-required')).toBe('true');
  });
});

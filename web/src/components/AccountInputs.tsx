/**
 * The account fields of 登录 and 用人单位注册, the same on both: a username as password managers and
 * phones expect it (no capitalising, no spell check), and password inputs.
 */
import type { ComponentProps } from 'react';
import { TextInput } from './TextInput';

type InputProps = ComponentProps<typeof TextInput>;

export function UsernameInput(props: Omit<InputProps, 'label'>) {
  return <TextInput label="用户名" name="username" autoComplete="username" autoCapitalize="none" spellCheck={false} required {...props} />;
}

export function PasswordInput(props: InputProps) {
  return <TextInput type="password" required {...props} />;
}

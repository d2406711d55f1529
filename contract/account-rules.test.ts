/**
 * The account rules are defined once (contract/account-rules.ts): the web's checks before sending
 * and the worker's refusals take the same inputs through the same definition, so a password or
 * username the page lets through is never refused by the server, and the other way round.
 */
import { describe, expect, it } from 'vitest';
import { checkAccount, passwordProblem as webPasswordProblem } from '../web/src/auth/account-checks';
import { passwordProblem as workerPasswordProblem } from '../worker/auth/password';
import { usernameProblem as workerUsernameProblem } from './account-rules';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './account-rules';

const PASSWORDS = [
  '',
  'abc123',
  'abcd123',
  'abcd1234',
  'abcdefgh',
  '12345678',
  '密码密码密码12ab',
  'a1'.repeat(64),
  'a1'.repeat(64) + 'x',
  ' a1 a1 a1 ',
];
const USERNAMES = ['', 'abc', 'abcd', 'a_b1', '1abcd', '_abcd', 'a'.repeat(32), 'a'.repeat(33), '张三abcd', 'abc-d', '110101199003070011'];

describe('a password is refused by the web exactly when the worker refuses it', () => {
  it.each(PASSWORDS)('%j', (password) => {
    const worker = workerPasswordProblem(password);
    expect(webPasswordProblem(password)).toBe(worker);
    expect(checkAccount('employer9', password, password).password).toBe(password === '' ? '请填写密码' : (worker ?? undefined));
  });

  it('the bounds are the ones users are told: 8 to 128 characters, letters and digits', () => {
    expect(workerPasswordProblem('a1'.repeat(PASSWORD_MIN_LENGTH / 2))).toBeNull();
    expect(workerPasswordProblem('a1'.repeat(PASSWORD_MIN_LENGTH / 2).slice(1))).toBe('密码至少 8 位');
    expect(workerPasswordProblem('a1'.repeat(PASSWORD_MAX_LENGTH / 2))).toBeNull();
    expect(workerPasswordProblem('a1'.repeat(PASSWORD_MAX_LENGTH / 2) + 'b')).toBe('密码不能超过 128 位');
    expect(workerPasswordProblem('abcdefgh')).toBe('密码须同时包含字母和数字');
  });
});

describe('a username is refused by the web exactly when the worker refuses it', () => {
  it.each(USERNAMES.filter(Boolean))('%j', (username) => {
    expect(checkAccount(username, 'abcd1234', 'abcd1234').username).toBe(workerUsernameProblem(username) ?? undefined);
  });

  it('letters first, 4–32 letters, digits or underscores: never an ID number', () => {
    expect(workerUsernameProblem('a'.repeat(32))).toBeNull();
    expect(workerUsernameProblem('a'.repeat(33))).toBe('用户名为 4–32 位字母、数字或下划线，以字母开头');
    expect(workerUsernameProblem('110101199003070011')).not.toBeNull();
    expect(checkAccount('', '', '')).toEqual({ username: '请填写用户名', password: '请填写密码', confirm: '请再次输入密码' });
  });
});

/**
 * The account fields' checks before sending (用人单位注册, 修改密码): the rules are the worker's own
 * (contract/account-rules.ts), so the page refuses exactly what the server would refuse.
 */
import { passwordProblem, usernameProblem } from '../../../contract/account-rules';

export { passwordProblem, PASSWORD_HINT, USERNAME_HINT } from '../../../contract/account-rules';

export interface AccountErrors {
  username?: string;
  password?: string;
  confirm?: string;
}

/** The registration's account fields: every problem at once, none when the account is fine. */
export function checkAccount(username: string, password: string, confirm: string): AccountErrors {
  const e: AccountErrors = {};
  if (!username) e.username = '请填写用户名';
  else e.username = usernameProblem(username) ?? undefined;
  if (!password) e.password = '请填写密码';
  else e.password = passwordProblem(password) ?? undefined;
  if (!confirm) e.confirm = '请再次输入密码';
  else if (confirm !== password) e.confirm = '两次输入的密码不一致';
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
}

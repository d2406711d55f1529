/**
 * /register — 用人单位注册, reachable before signing in. The account (username, password) sits above
 * the registration form; on success the employer is signed in and sees that the centre's review is pending.
 */
import { useEffect, useRef, useState } from 'react';
import { ApiError, type ApiFieldError } from '../api/client';
import { loadRegistrationForm, registerEmployer } from '../api/employers';
import { Alert, Loading } from '../components/Alert';
import { PasswordInput, UsernameInput } from '../components/AccountInputs';
import { useSession } from '../auth/session';
import { checkAccount, PASSWORD_HINT, USERNAME_HINT, type AccountErrors } from '../auth/account-checks';
import { FormRenderer } from '../form-renderer/FormRenderer';
import type { Values } from '../form-renderer/engine';
import { Link, navigate } from '../router';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

export default function RegisterPage() {
  const { signIn } = useSession();
  const form = useQuery({ queryKey: queryKeys.registrationForm(), queryFn: () => loadRegistrationForm() });
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [accountErrors, setAccountErrors] = useState<AccountErrors>({});
  const [fieldErrors, setFieldErrors] = useState<ApiFieldError[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = '用人单位注册 · 网签';
  }, []);

  /** flags every account field at once, whatever else the submit found; true when they are fine */
  function flagAccount(): boolean {
    const local = checkAccount(username.trim(), password, confirm);
    setAccountErrors(local);
    return Object.keys(local).length === 0;
  }

  // the form refused the submit and shows its own errors: the account fields above it are flagged
  // too, so one empty submit names everything that is missing
  function refused() {
    if (flagAccount()) {
      setError('请检查标红的单位信息');
      return;
    }
    setError('请检查标红的账号和单位信息');
    // the form has just moved focus to its own first error; the first one on the page is the account's
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        userRef.current?.focus();
        userRef.current?.scrollIntoView({ block: 'center' });
      }),
    );
  }

  async function submit(data: Values) {
    if (!flagAccount()) {
      setError('请检查账号信息');
      userRef.current?.focus();
      userRef.current?.scrollIntoView({ block: 'center' });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await registerEmployer({ username: username.trim(), password, data });
      await signIn(username.trim(), password);
      navigate('/', { replace: true });
    } catch (e) {
      if (e instanceof ApiError) {
        setError(e.message);
        setFieldErrors(e.fields.filter((f) => f.path.startsWith('data.')).map((f) => ({ ...f, path: f.path.slice(5) })));
        const forAccount: AccountErrors = {};
        for (const f of e.fields) if (f.path === 'username' || f.path === 'password') forAccount[f.path] = f.message;
        if (e.code === 'username_taken') forAccount.username = e.message;
        setAccountErrors(forAccount);
      } else setError('注册失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="page" id="main">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">登录</Link> / <span>用人单位注册</span>
      </nav>
      <h1 className="page-title">用人单位注册</h1>
      <p className="muted">注册后由省就业中心审核单位信息，审核通过后即可查找学生、发出职位邀约。每个统一社会信用代码只能注册一个账号。</p>
      <div aria-live="polite">{error && <Alert>{error}</Alert>}</div>
      {form.error && <Alert>{form.error.message}</Alert>}
      {!form.data && !form.error && <Loading />}
      {form.data && (
        <>
          <section className="card" aria-labelledby="h-account">
            <h2 id="h-account">登录账号</h2>
            <UsernameInput
              ref={userRef}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              error={accountErrors.username}
              hint={USERNAME_HINT}
            />
            <PasswordInput
              label="密码"
              name="new-password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={accountErrors.password}
              hint={PASSWORD_HINT}
            />
            <PasswordInput
              label="确认密码"
              name="confirm-password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              error={accountErrors.confirm}
            />
          </section>
          <FormRenderer
            definition={form.data.definition}
            values={{}}
            role="employer"
            step="register"
            mode="edit"
            errors={fieldErrors}
            busy={busy}
            submitLabel={busy ? '正在提交…' : '提交注册'}
            onSubmit={submit}
            onInvalid={refused}
          />
        </>
      )}
    </main>
  );
}

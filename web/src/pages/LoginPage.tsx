/** Sign in with username (students: ID number) and password. */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { ApiError } from '../api/client';
import { Alert } from '../components/Alert';
import { PasswordInput, UsernameInput } from '../components/AccountInputs';
import { useSession } from '../auth/session';
import { Link } from '../router';

export function LoginPage() {
  const { signIn, expired } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const userRef = useRef<HTMLInputElement>(null);
  const passRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = '登录 · 网签';
    userRef.current?.focus();
  }, []);

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!username.trim()) next.username = '请输入用户名';
    if (!password) next.password = '请输入密码';
    if (next.username || next.password) {
      setErrors(next);
      (next.username ? userRef : passRef).current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      await signIn(username.trim(), password);
    } catch (err) {
      const message =
        err instanceof ApiError
          ? err.status === 401
            ? '用户名或密码错误，请重新输入'
            : err.status === 429
              ? '登录尝试过于频繁，请稍后再试'
              : err.message
          : '登录失败，请稍后再试';
      setErrors({ form: message });
      setPassword('');
      passRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="login-title">
        <h1 id="login-title">登录</h1>
        {expired && !errors.form && <Alert tone="info">登录已失效，请重新登录。</Alert>}
        <Alert>{errors.form}</Alert>
        <UsernameInput
          ref={userRef}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errors.username}
          hint="学生请使用身份证号登录"
        />
        <PasswordInput
          ref={passRef}
          label="密码"
          name="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? '正在登录…' : '登录'}
        </button>
        <p className="auth-alt">
          用人单位还没有账号？<Link href="/register">注册单位账号</Link>
        </p>
        <p className="login-help">忘记密码？学生请联系所在学院或学校就业部门重置；用人单位请联系省就业中心</p>
      </form>
    </main>
  );
}

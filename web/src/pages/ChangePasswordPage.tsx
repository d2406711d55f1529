/** Change password: forced on first sign-in (mustChangePassword), or chosen from the header. */
import { useEffect, useRef, useState, type SubmitEvent } from 'react';
import { api, ApiError } from '../api/client';
import type { User } from '../api/types';
import { Alert } from '../components/Alert';
import { TextInput } from '../components/TextInput';
import { useSession, useUser } from '../auth/session';
import { passwordProblem, PASSWORD_HINT } from '../auth/account-checks';
import { navigate } from '../router';

type Errors = { currentPassword?: string; newPassword?: string; confirm?: string; form?: string };

export function ChangePasswordPage() {
  const user = useUser();
  const { setUser } = useSession();
  const forced = user.mustChangePassword;
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const currentPasswordRef = useRef<HTMLInputElement>(null);
  const newPasswordRef = useRef<HTMLInputElement>(null);
  const confirmRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    document.title = '修改密码 · 网签';
    currentPasswordRef.current?.focus();
  }, []);

  function focusFirst(e: Errors) {
    const refs = { currentPassword: currentPasswordRef, newPassword: newPasswordRef, confirm: confirmRef };
    for (const k of ['currentPassword', 'newPassword', 'confirm'] as const) {
      if (e[k]) {
        refs[k].current?.focus();
        return;
      }
    }
  }

  async function submit(ev: SubmitEvent) {
    ev.preventDefault();
    const e: Errors = {};
    if (!current) e.currentPassword = '请输入当前密码';
    const problem = passwordProblem(next);
    if (problem) e.newPassword = problem;
    else if (next === current) e.newPassword = '新密码不能与当前密码相同';
    if (!confirm) e.confirm = '请再次输入新密码';
    else if (confirm !== next) e.confirm = '两次输入的新密码不一致';
    setErrors(e);
    if (Object.keys(e).length) {
      focusFirst(e);
      return;
    }
    setBusy(true);
    try {
      const r = await api<{ user: User }>('/api/session/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      setDone(true);
      setUser(r.user);
      if (!forced) navigate('/', { replace: true });
    } catch (err) {
      if (err instanceof ApiError) {
        const fe: Errors = { form: err.message };
        for (const f of err.fields) if (f.path === 'currentPassword' || f.path === 'newPassword') fe[f.path] = f.message;
        setErrors(fe);
        focusFirst(fe);
      } else setErrors({ form: '修改失败，请稍后再试' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="auth-page" id="main">
      <form className="card auth-card" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="pw-title">
        <h1 id="pw-title">修改密码</h1>
        {forced && <Alert tone="info">首次登录请修改初始密码后继续使用。</Alert>}
        {done && <Alert tone="ok">密码已修改。</Alert>}
        <Alert>{errors.form}</Alert>
        <TextInput
          ref={currentPasswordRef}
          label="当前密码"
          type="password"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
          error={errors.currentPassword}
        />
        <TextInput
          ref={newPasswordRef}
          label="新密码"
          type="password"
          autoComplete="new-password"
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.newPassword}
          hint={PASSWORD_HINT}
        />
        <TextInput
          ref={confirmRef}
          label="确认新密码"
          type="password"
          autoComplete="new-password"
          required
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
          error={errors.confirm}
        />
        <button type="submit" className="btn btn-primary btn-block" disabled={busy}>
          {busy ? '正在提交…' : '确认修改'}
        </button>
        {!forced && (
          <button type="button" className="btn btn-block" onClick={() => navigate('/')}>
            返回
          </button>
        )}
      </form>
    </main>
  );
}

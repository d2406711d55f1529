/**
 * Admin: 重置审核账号密码 — a college, school, province or centre account that forgot its password
 * gets a new one-time password (POST /api/accounts/:username/reset-password), shown once here.
 */
import { useState, type SubmitEvent } from 'react';
import { api } from '../../api/client';
import { Alert } from '../../components/Alert';
import { ConfirmResetDialog, OneTimePassword, type OneTimeCredential } from '../../components/PasswordReset';
import { TextInput } from '../../components/TextInput';

export function ReviewerPasswordReset() {
  const [username, setUsername] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<OneTimeCredential | null>(null);
  const [asking, setAsking] = useState(false);
  const name = username.trim();

  function submit(ev: SubmitEvent) {
    ev.preventDefault();
    setDone(null);
    if (!name) {
      setError('请输入审核账号的登录名');
      return;
    }
    setError(null);
    setAsking(true);
  }

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      setDone(await api<OneTimeCredential>(`/api/accounts/${encodeURIComponent(name)}/reset-password`, { method: 'POST' }));
      setUsername('');
    } catch (err) {
      setError(err instanceof Error ? err.message : '重置失败，请稍后再试');
    } finally {
      setBusy(false);
      setAsking(false);
    }
  }

  return (
    <section className="card" aria-labelledby="h-reviewer-reset">
      <h2 id="h-reviewer-reset">重置审核账号密码</h2>
      <p className="muted">学院、学校、省级和就业中心账号忘记密码时使用。对方下次登录须修改密码，已登录的设备将退出。</p>
      <form onSubmit={submit} noValidate>
        <Alert>{error}</Alert>
        <OneTimePassword credential={done} />
        <TextInput
          label="审核账号"
          hint="该账号的登录名，如 college"
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          maxLength={64}
        />
        <button type="submit" className="btn" disabled={busy}>
          重置密码
        </button>
      </form>
      <ConfirmResetDialog open={asking} busy={busy} onCancel={() => setAsking(false)} onConfirm={() => void reset()}>
        确认重置账号 {name} 的密码？原密码将立即失效。
      </ConfirmResetDialog>
    </section>
  );
}

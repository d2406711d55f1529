/**
 * 重置密码 on a record page: a student's college or school reviewer (source record), or the centre
 * (employer registration), gives the account a new one-time password. It is shown once, here; the
 * account must change it at next sign-in and its other sessions end.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import type { RecordView, User } from '../../api/types';
import { can } from '../../auth/abilities';
import { useUser } from '../../auth/session';
import { Alert } from '../../components/Alert';
import { ConfirmResetDialog, OneTimePassword, type OneTimeCredential } from '../../components/PasswordReset';

/**
 * Where the reset goes for this record and viewer, or null when there is no button to show: the
 * session answer says whether the viewer may reset a student's or an employer's password.
 */
export function resetTarget(
  user: Pick<User, 'abilities'>,
  record: Pick<RecordView, 'kind' | 'studentId' | 'employerId'>,
): { path: string; whom: string } | null {
  if (record.kind === 'source-records' && can(user, 'reset_student_password') && record.studentId) {
    return { path: `/api/students/${encodeURIComponent(record.studentId)}/reset-password`, whom: '该学生' };
  }
  if (record.kind === 'employer-registrations' && can(user, 'reset_employer_password') && record.employerId) {
    return { path: `/api/employers/${encodeURIComponent(record.employerId)}/reset-password`, whom: '该单位' };
  }
  return null;
}

export function ResetPasswordCard({ record }: { record: RecordView }) {
  const target = resetTarget(useUser(), record);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<OneTimeCredential | null>(null);
  if (!target) return null;

  async function reset() {
    if (!target) return;
    setBusy(true);
    setError(null);
    try {
      setDone(await api<OneTimeCredential>(target.path, { method: 'POST' }));
      setAsking(false);
    } catch (err) {
      setError(err instanceof Error ? err.message : '重置失败，请稍后再试');
      setAsking(false);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="reset-card" aria-labelledby="h-reset">
      <h2 id="h-reset">账号密码</h2>
      <p className="muted">{target.whom}忘记密码时，可为其生成新的一次性密码；对方下次登录须修改密码，已登录的设备将退出。</p>
      <Alert>{error}</Alert>
      <OneTimePassword credential={done} />
      <button type="button" className="btn" disabled={busy} onClick={() => setAsking(true)}>
        重置密码
      </button>
      <ConfirmResetDialog open={asking} busy={busy} onCancel={() => setAsking(false)} onConfirm={() => void reset()}>
        确认为{target.whom}重置密码？原密码将立即失效。
      </ConfirmResetDialog>
    </section>
  );
}

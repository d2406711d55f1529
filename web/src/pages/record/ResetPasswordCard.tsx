/**
 * 重置密码 on a record page: a student's college or school reviewer (source record), or the centre
 * (employer registration), gives the account a new one-time password. It is shown once, here; the
 * account must change it at next sign-in and its other sessions end.
 */
import { useState } from 'react';
import { api } from '../../api/client';
import type { RecordView } from '../../api/types';
import { Alert } from '../../components/Alert';
import { Dialog } from '../../components/Dialog';

interface Credential { username: string; name: string; password: string }

/** Where the reset goes for this record and viewer, or null when there is no button to show. */
export function resetTarget(role: string, record: Pick<RecordView, 'kind' | 'studentId' | 'employerId'>): { path: string; whom: string } | null {
  if (record.kind === 'source-records' && (role === 'college' || role === 'school') && record.studentId) {
    return { path: `/api/students/${encodeURIComponent(record.studentId)}/reset-password`, whom: '该学生' };
  }
  if (record.kind === 'employer-registrations' && role === 'center' && record.employerId) {
    return { path: `/api/employers/${encodeURIComponent(record.employerId)}/reset-password`, whom: '该单位' };
  }
  return null;
}

export function ResetPasswordCard({ role, record }: { role: string; record: RecordView }) {
  const target = resetTarget(role, record);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Credential | null>(null);
  if (!target) return null;

  async function reset() {
    setBusy(true);
    setError(null);
    try {
      setDone(await api<Credential>(target!.path, { method: 'POST' }));
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
      {done && (
        <div className="alert alert-ok" role="status">
          <p>已重置 {done.name} 的密码。请将以下信息告知本人，此密码只显示这一次：</p>
          <dl className="profile-facts">
            <dt>用户名</dt><dd className="mono">{done.username}</dd>
            <dt>一次性密码</dt><dd className="mono" data-testid="one-time-password">{done.password}</dd>
          </dl>
        </div>
      )}
      <button type="button" className="btn" disabled={busy} onClick={() => setAsking(true)}>重置密码</button>
      <Dialog
        open={asking}
        title="重置密码"
        onClose={() => setAsking(false)}
        footer={(
          <>
            <button type="button" className="btn" onClick={() => setAsking(false)} disabled={busy}>取消</button>
            <button type="button" className="btn btn-danger" onClick={() => void reset()} disabled={busy}>{busy ? '正在重置…' : '确认重置'}</button>
          </>
        )}
      >
        <p>确认为{target.whom}重置密码？原密码将立即失效。</p>
      </Dialog>
    </section>
  );
}

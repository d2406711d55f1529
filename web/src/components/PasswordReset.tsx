/**
 * The two halves every password reset shows (a reviewer resetting a student's or an employer's, an
 * admin resetting a reviewer's): the confirmation before the old password stops working, and the
 * new one-time password, shown this once.
 */
import type { ReactNode } from 'react';
import { Dialog } from './Dialog';

export interface OneTimeCredential {
  username: string;
  name: string;
  password: string;
}

export function OneTimePassword({ credential }: { credential: OneTimeCredential | null }) {
  if (!credential) return null;
  return (
    <div className="alert alert-ok" role="status">
      <p>已重置 {credential.name} 的密码。请将以下信息告知本人，此密码只显示这一次：</p>
      <dl className="profile-facts">
        <dt>用户名</dt>
        <dd className="mono">{credential.username}</dd>
        <dt>一次性密码</dt>
        <dd className="mono" data-testid="one-time-password">
          {credential.password}
        </dd>
      </dl>
    </div>
  );
}

export function ConfirmResetDialog({
  open,
  busy,
  onCancel,
  onConfirm,
  children,
}: {
  open: boolean;
  busy: boolean;
  onCancel: () => void;
  onConfirm: () => void;
  children: ReactNode;
}) {
  return (
    <Dialog
      open={open}
      title="重置密码"
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            取消
          </button>
          <button type="button" className="btn btn-danger" onClick={onConfirm} disabled={busy}>
            {busy ? '正在重置…' : '确认重置'}
          </button>
        </>
      }
    >
      <p>{children}</p>
    </Dialog>
  );
}

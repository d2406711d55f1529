/** Confirmation (two-step) and reason dialogs for record actions. */
import { useEffect, useId, useRef, useState } from 'react';
import type { RecordAction } from '../api/types';
import { Dialog } from './Dialog';

interface Props {
  action: RecordAction | null;
  busy: boolean;
  onCancel(): void;
  onConfirm(reason: string | undefined): void;
}

export function ActionDialog({ action, busy, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const okRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    setReason('');
    setError(null);
    if (action) {
      // after showModal has run
      requestAnimationFrame(() => (action.needsReason ? textRef.current : okRef.current)?.focus());
    }
  }, [action]);

  const confirm = () => {
    if (!action) return;
    if (action.needsReason && !reason.trim()) {
      setError('请填写理由');
      textRef.current?.focus();
      return;
    }
    onConfirm(action.needsReason ? reason.trim() : undefined);
  };

  return (
    <Dialog
      open={!!action}
      title={action ? (action.needsReason ? `${action.label}：请填写理由` : `确认${action.label}`) : ''}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>取消</button>
          <button ref={okRef} type="button" className={`btn ${action?.style === 'danger' ? 'btn-danger' : 'btn-primary'}`} onClick={confirm} disabled={busy}>
            {busy ? '正在提交…' : `确认${action?.label ?? ''}`}
          </button>
        </>
      }
    >
      {action?.confirm && <p className="confirm-text">{action.confirm}</p>}
      {action?.needsReason && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-reason`} className="field-label">
            理由<span className="req" aria-hidden="true"> *</span>
          </label>
          <textarea
            ref={textRef}
            id={`${id}-reason`}
            className="input textarea"
            rows={4}
            maxLength={500}
            value={reason}
            aria-required="true"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (error) setError(null);
            }}
          />
          {error && <p id={`${id}-err`} className="field-error" role="alert">{error}</p>}
        </div>
      )}
    </Dialog>
  );
}

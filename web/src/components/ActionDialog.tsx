/**
 * Confirmation (two-step) and reason dialogs for record actions. A reject (退回/驳回) offers the
 * lifecycle's common reasons to pick, and free text beside or instead of them.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RecordAction } from '../api/types';
import { Dialog } from './Dialog';
import { reasonProblem } from './reason-choice';

interface Props {
  action: RecordAction | null;
  busy: boolean;
  onCancel: () => void;
  onConfirm: (reason: string | undefined, reasonChoice?: string) => void;
}

export function ActionDialog({ action, busy, onCancel, onConfirm }: Props) {
  const [reason, setReason] = useState('');
  const [choice, setChoice] = useState('');
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const firstChoiceRef = useRef<HTMLInputElement>(null);
  const okRef = useRef<HTMLButtonElement>(null);
  const reasons = action?.reasons ?? [];

  // another action (or none) starts with an empty reason
  const [shownFor, setShownFor] = useState(action);
  if (shownFor !== action) {
    setShownFor(action);
    setReason('');
    setChoice('');
    setError(null);
  }
  useEffect(() => {
    if (action) {
      // after showModal has run
      requestAnimationFrame(() =>
        (action.needsReason ? (action.reasons?.length ? firstChoiceRef.current : textRef.current) : okRef.current)?.focus(),
      );
    }
  }, [action]);

  const confirm = () => {
    if (!action) return;
    const problem = action.needsReason ? reasonProblem(choice, reason) : null;
    if (problem) {
      setError(problem);
      (reasons.length ? firstChoiceRef.current : textRef.current)?.focus();
      return;
    }
    onConfirm(action.needsReason ? reason.trim() || undefined : undefined, choice || undefined);
  };

  const pickTitle = reasons.length ? `${action?.label ?? ''}：请选择或填写原因` : `${action?.label ?? ''}：请填写理由`;
  return (
    <Dialog
      open={!!action}
      title={action ? (action.needsReason ? pickTitle : `确认${action.label}`) : ''}
      onClose={onCancel}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} disabled={busy}>
            取消
          </button>
          <button
            ref={okRef}
            type="button"
            className={`btn ${action?.style === 'danger' ? 'btn-danger' : 'btn-primary'}`}
            onClick={confirm}
            disabled={busy}
          >
            {busy ? '正在提交…' : `确认${action?.label ?? ''}`}
          </button>
        </>
      }
    >
      {action?.confirm && <p className="confirm-text">{action.confirm}</p>}
      {action?.needsReason && reasons.length > 0 && (
        <fieldset className="reason-choices" aria-describedby={error ? `${id}-err` : undefined}>
          <legend className="field-label">常用原因</legend>
          {reasons.map((r, i) => (
            <label key={r} className="reason-choice">
              <input
                ref={i === 0 ? firstChoiceRef : undefined}
                type="radio"
                name={`${id}-choice`}
                value={r}
                checked={choice === r}
                onChange={() => {
                  setChoice(r);
                  setError(null);
                }}
              />
              <span>{r}</span>
            </label>
          ))}
          <label className="reason-choice">
            <input type="radio" name={`${id}-choice`} value="" checked={choice === ''} onChange={() => setChoice('')} />
            <span>其他（在下面填写）</span>
          </label>
        </fieldset>
      )}
      {action?.needsReason && (
        <div className={`field${error ? ' field-invalid' : ''}`}>
          <label htmlFor={`${id}-reason`} className="field-label">
            {choice ? '补充说明（选填）' : '理由'}
            {!choice && (
              <span className="req" aria-hidden="true">
                {' '}
                *
              </span>
            )}
          </label>
          <textarea
            ref={textRef}
            id={`${id}-reason`}
            className="input textarea"
            rows={choice ? 2 : 4}
            maxLength={500}
            value={reason}
            aria-required={choice ? undefined : true}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-err` : undefined}
            onChange={(e) => {
              setReason(e.target.value);
              if (error) setError(null);
            }}
          />
          {error && (
            <p id={`${id}-err`} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
      )}
    </Dialog>
  );
}

/**
 * 应约 is a two-step confirmation: first the terms the student is accepting (and what the employer
 * changed since they last looked) with the action's confirmation text, then an explicit
 * 「我已核对以上条款并确认接受」 tick before 确认应约 becomes available.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RecordAction, RecordView } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import type { FormDefinition } from '../../form-renderer/engine';
import { changedKeys, InvitationTerms } from './InvitationTerms';
import { TermsChanges } from './TermsChanges';

interface Props {
  action: RecordAction | null;
  busy: boolean;
  employerName: string;
  definition: FormDefinition;
  record: Pick<RecordView, 'kind' | 'data' | 'termsChanges'>;
  onCancel: () => void;
  onConfirm: () => void;
}

export function AcceptInvitationDialog({ action, busy, employerName, definition, record, onCancel, onConfirm }: Props) {
  const [step, setStep] = useState<1 | 2>(1);
  const [ack, setAck] = useState(false);
  const id = useId();
  const nextRef = useRef<HTMLButtonElement>(null);
  const ackRef = useRef<HTMLInputElement>(null);

  // another invitation (or none) starts again at the first step
  const [shownFor, setShownFor] = useState(action);
  if (shownFor !== action) {
    setShownFor(action);
    setStep(1);
    setAck(false);
  }
  useEffect(() => {
    if (action) requestAnimationFrame(() => nextRef.current?.focus());
  }, [action]);

  useEffect(() => {
    if (step === 2) requestAnimationFrame(() => ackRef.current?.focus());
  }, [step]);

  return (
    <Dialog
      open={!!action}
      title={step === 1 ? `${action?.label ?? '接受邀约'}：核对条款（第 1 步，共 2 步）` : '确认应约（第 2 步，共 2 步）'}
      onClose={onCancel}
      footer={
        step === 1 ? (
          <>
            <button type="button" className="btn" onClick={onCancel}>
              取消
            </button>
            <button ref={nextRef} type="button" className="btn btn-primary" onClick={() => setStep(2)}>
              下一步
            </button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => setStep(1)} disabled={busy}>
              上一步
            </button>
            <button
              type="button"
              className="btn btn-primary"
              disabled={!ack || busy}
              aria-describedby={ack ? undefined : `${id}-why`}
              onClick={onConfirm}
            >
              {busy ? '正在提交…' : '确认应约'}
            </button>
          </>
        )
      }
    >
      {step === 1 ? (
        <>
          <p>您将接受的条款如下：</p>
          <InvitationTerms definition={definition} data={record.data} changed={changedKeys(record)} variant="plain" />
          {record.termsChanges && <TermsChanges kind={record.kind} changes={record.termsChanges} definition={definition} compact />}
          {action?.confirm && <p className="confirm-text">{action.confirm}</p>}
          <p className="muted">如需查看协议书全文，请点「取消」返回页面核对。</p>
        </>
      ) : (
        <>
          <p>
            您即将接受{employerName ? `「${employerName}」的` : ''}
            职位邀约。确认后将生成就业协议书并提交学院审核，在解约前您不能与其他单位签约。
          </p>
          <label className="ack">
            <input ref={ackRef} type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <span>我已核对以上条款并确认接受</span>
          </label>
          {!ack && (
            <p id={`${id}-why`} className="field-help">
              勾选后才能确认应约。
            </p>
          )}
        </>
      )}
    </Dialog>
  );
}

/**
 * 应约 is a two-step confirmation: first the action's own confirmation text, then an explicit
 * 「我已阅读并确认协议条款」 tick before 确认应约 becomes available.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { RecordAction } from '../../api/types';
import { Dialog } from '../../components/Dialog';

interface Props {
  action: RecordAction | null;
  busy: boolean;
  employerName: string;
  onCancel(): void;
  onConfirm(): void;
}

export function AcceptInvitationDialog({ action, busy, employerName, onCancel, onConfirm }: Props) {
  const [step, setStep] = useState<1 | 2>(1);
  const [ack, setAck] = useState(false);
  const id = useId();
  const nextRef = useRef<HTMLButtonElement>(null);
  const ackRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    setStep(1);
    setAck(false);
    if (action) requestAnimationFrame(() => nextRef.current?.focus());
  }, [action]);

  useEffect(() => {
    if (step === 2) requestAnimationFrame(() => ackRef.current?.focus());
  }, [step]);

  return (
    <Dialog
      open={!!action}
      title={step === 1 ? `${action?.label ?? '接受邀约'}（第 1 步，共 2 步）` : '确认应约（第 2 步，共 2 步）'}
      onClose={onCancel}
      footer={
        step === 1 ? (
          <>
            <button type="button" className="btn" onClick={onCancel}>取消</button>
            <button ref={nextRef} type="button" className="btn btn-primary" onClick={() => setStep(2)}>下一步</button>
          </>
        ) : (
          <>
            <button type="button" className="btn" onClick={() => setStep(1)} disabled={busy}>上一步</button>
            <button type="button" className="btn btn-primary" disabled={!ack || busy} aria-describedby={ack ? undefined : `${id}-why`} onClick={onConfirm}>
              {busy ? '正在提交…' : '确认应约'}
            </button>
          </>
        )
      }
    >
      {step === 1 ? (
        <>
          {action?.confirm && <p className="confirm-text">{action.confirm}</p>}
          <p className="muted">如需再次查看协议内容，请点「取消」返回页面核对。</p>
        </>
      ) : (
        <>
          <p>您即将接受{employerName ? `「${employerName}」的` : ''}职位邀约。确认后将生成就业协议书并提交学院审核，在解约前您不能与其他单位签约。</p>
          <label className="ack">
            <input ref={ackRef} type="checkbox" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            <span>我已阅读并确认协议条款</span>
          </label>
          {!ack && <p id={`${id}-why`} className="field-help">勾选后才能确认应约。</p>}
        </>
      )}
    </Dialog>
  );
}

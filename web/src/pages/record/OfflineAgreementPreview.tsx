/**
 * 预览确认 (线下签约): the agreement exactly as it will be stored, numbered and printed, before it
 * goes to the college. The student goes back to change it, or confirms and submits.
 */
import { useEffect, useRef } from 'react';
import type { OfflineAgreementPreview as Preview } from '../../api/agreement-preview';
import { FormRenderer } from '../../forms/FormRenderer';
import type { FormDefinition, Values } from '../../forms/engine';
import { PRINT_STEPS } from '../../help/faq';

interface Props {
  definition: FormDefinition;
  preview: Preview;
  busy: boolean;
  onBack(): void;
  onConfirm(): void;
}

export function OfflineAgreementPreview({ definition, preview, busy, onBack, onConfirm }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const bar = (
    <div className="action-bar" role="group" aria-label="预览操作">
      <button type="button" className="btn" disabled={busy} onClick={onBack}>返回修改</button>
      <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>{busy ? '正在提交…' : '确认无误，提交学院审核'}</button>
    </div>
  );
  return (
    <section aria-labelledby="offline-preview-title" className="offline-preview">
      <div className="alert alert-info">
        <h2 id="offline-preview-title" ref={headingRef} tabIndex={-1}>预览确认：协议书将按以下内容生成</h2>
        <p className="offline-preview-number">
          协议书编号 <strong className="mono" data-testid="preview-number">{preview.number}</strong>
        </p>
        <p>请逐项核对。确认提交后即生成协议书并送学院审核，可下载 PDF：{PRINT_STEPS.slice(1).join('')}</p>
      </div>
      <div className="preview-frame">
        <p className="preview-doc-head">
          <span>就业协议书</span>
          <span className="mono">编号：{preview.number}</span>
        </p>
        <FormRenderer definition={definition} values={preview.data as Values} role="student" step={null} mode="preview" />
      </div>
      {bar}
    </section>
  );
}

/** 预览: the whole agreement read-only, exactly as the student will see it, before 发送邀约. */
import { useEffect, useRef } from 'react';
import { FormRenderer } from '../../forms/FormRenderer';
import type { FormDefinition, Values } from '../../forms/engine';

interface Props {
  definition: FormDefinition;
  values: Values;
  busy: boolean;
  sendLabel: string | null;
  onBack(): void;
  onSend(): void;
}

export function InvitationPreview({ definition, values, busy, sendLabel, onBack, onSend }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
    headingRef.current?.scrollIntoView?.({ block: 'start' });
  }, []);
  const bar = (
    <div className="action-bar" role="group" aria-label="预览操作">
      <button type="button" className="btn" onClick={onBack}>返回修改</button>
      {sendLabel && <button type="button" className="btn btn-primary" disabled={busy} onClick={onSend}>{sendLabel}</button>}
    </div>
  );
  return (
    <section aria-labelledby="preview-title">
      <div className="alert alert-info">
        <h2 id="preview-title" ref={headingRef} tabIndex={-1}>预览：学生收到邀约后看到的协议书</h2>
        <p>以下为只读预览，学生应约时填写的部分此时为空。确认无误后发送邀约。</p>
      </div>
      <div className="preview-frame">
        <FormRenderer definition={definition} values={values} role="student" step={null} mode="preview" />
      </div>
      {bar}
    </section>
  );
}

/**
 * A read-only preview of a record before the step that sends it on (预览 before 发送邀约, 预览确认
 * before an offline agreement goes to the college): a heading that takes focus and comes into view,
 * what to check, the form as the reader will see it, and 返回修改 beside the confirming button.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import { FormRenderer } from '../../form-renderer/FormRenderer';
import type { FormDefinition, Values } from '../../form-renderer/engine';

interface Props {
  id: string;
  title: string;
  /** what to check, under the heading */
  children: ReactNode;
  /** above the form inside the frame (the agreement's number) */
  frameHead?: ReactNode;
  definition: FormDefinition;
  values: Values;
  className?: string;
  busy: boolean;
  /** keep 返回修改 disabled while the confirming request runs */
  lockBack?: boolean;
  /** null: nothing to confirm from here */
  confirmLabel: string | null;
  onBack: () => void;
  onConfirm: () => void;
}

export function PreviewPanel({
  id,
  title,
  children,
  frameHead,
  definition,
  values,
  className,
  busy,
  lockBack = false,
  confirmLabel,
  onBack,
  onConfirm,
}: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const heading = headingRef.current;
    heading?.focus();
    // jsdom, where the tests run, has no scrollIntoView
    if (heading && typeof heading.scrollIntoView === 'function') heading.scrollIntoView({ block: 'start' });
  }, []);
  return (
    <section aria-labelledby={id} className={className}>
      <div className="alert alert-info">
        <h2 id={id} ref={headingRef} tabIndex={-1}>
          {title}
        </h2>
        {children}
      </div>
      <div className="preview-frame">
        {frameHead}
        <FormRenderer definition={definition} values={values} role="student" step={null} mode="preview" />
      </div>
      <div className="action-bar" role="group" aria-label="预览操作">
        <button type="button" className="btn" disabled={lockBack && busy} onClick={onBack}>
          返回修改
        </button>
        {confirmLabel && (
          <button type="button" className="btn btn-primary" disabled={busy} onClick={onConfirm}>
            {confirmLabel}
          </button>
        )}
      </div>
    </section>
  );
}

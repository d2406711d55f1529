/** A modal built on <dialog>: focus is trapped by the browser, Esc cancels, focus returns afterwards. */
import { useEffect, useRef, type ReactNode } from 'react';

interface DialogProps {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** buttons row */
  footer: ReactNode;
  /** e.g. 'dialog dialog-viewer' for a wider dialog */
  className?: string;
}

export function Dialog({ open, title, onClose, children, footer, className = 'dialog' }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement;
      d.showModal();
    } else if (!open && d.open) {
      d.close();
    }
  }, [open]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    const onCancel = (e: Event) => {
      e.preventDefault();
      onClose();
    };
    const onCloseEvt = () => {
      const el = opener.current;
      if (el instanceof HTMLElement && el.isConnected) el.focus();
    };
    d.addEventListener('cancel', onCancel);
    d.addEventListener('close', onCloseEvt);
    return () => {
      d.removeEventListener('cancel', onCancel);
      d.removeEventListener('close', onCloseEvt);
    };
  }, [onClose]);

  return (
    <dialog ref={ref} className={className} aria-labelledby="dialog-title">
      {open && (
        <>
          <h2 id="dialog-title" className="dialog-title">
            {title}
          </h2>
          <div className="dialog-body">{children}</div>
          <div className="dialog-footer">{footer}</div>
        </>
      )}
    </dialog>
  );
}

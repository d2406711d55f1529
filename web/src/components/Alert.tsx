import type { ReactNode } from 'react';

/** A form- or page-level message; errors use role="alert" so screen readers announce them. */
export function Alert({ tone = 'error', children, id }: { tone?: 'error' | 'info' | 'ok'; children: ReactNode; id?: string }) {
  if (!children) return null;
  return (
    <div id={id} className={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function Loading({ label = '加载中…' }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}

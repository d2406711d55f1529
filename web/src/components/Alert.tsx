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

/** The whole page while what it shows is on its way. */
export function PageLoading() {
  return (
    <main id="main" className="page">
      <Loading />
    </main>
  );
}

/** The whole page when what it shows could not be loaded: its title and why. */
export function PageError({ title, children }: { title: string; children: ReactNode }) {
  return (
    <main id="main" className="page">
      <h1 className="page-title">{title}</h1>
      <Alert>{children}</Alert>
    </main>
  );
}

/**
 * The result of what the user just did (saved, sent, accepted, approved — or why not), shown beside
 * the button that did it. Every page uses this one component: it is announced politely, and when
 * it appears it brings itself into view, so a user who scrolled away from the top still sees it.
 */
import { useEffect, useRef } from 'react';

export interface Notice {
  tone: 'ok' | 'error' | 'info';
  text: string;
}

export function ResultNotice({ notice, className }: { notice: Notice | null; className?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // 'nearest': no jump when it is already visible (beside the sticky action bar it always is)
    const el = ref.current;
    // jsdom, where the tests run, has no scrollIntoView
    if (notice && el && typeof el.scrollIntoView === 'function') el.scrollIntoView({ block: 'nearest' });
  }, [notice]);
  return (
    <div ref={ref} className={`result-notice${className ? ` ${className}` : ''}`} aria-live="polite">
      {notice && (
        <div className={`alert alert-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>
          {notice.text}
        </div>
      )}
    </div>
  );
}

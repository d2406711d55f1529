/** The audit events of a record, oldest first, as a vertical list. */
import type { TimelineEvent } from '../api/types';
import { roleLabel } from '../auth/roles';
import { formatTime } from '../hooks';

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="muted">暂无记录</p>;
  return (
    <ol className="timeline">
      {events.map((e) => (
        <li key={e.id} className="timeline-item">
          <time dateTime={e.at} className="timeline-time">{formatTime(e.at)}</time>
          <div className="timeline-body">
            <p className="timeline-head">
              <strong>{e.actionLabel}</strong>
              <span className="timeline-actor">
                {e.actorName ?? '系统'}
                {e.role && <span className="muted">（{roleLabel(e.role)}）</span>}
              </span>
            </p>
            {(e.from || e.to) && e.from !== e.to && (
              <p className="timeline-states">
                {e.fromLabel ?? '—'} <span aria-label="变为">→</span> {e.toLabel ?? '—'}
              </p>
            )}
            {e.reason && <p className="timeline-reason">理由：{e.reason}</p>}
          </div>
        </li>
      ))}
    </ol>
  );
}

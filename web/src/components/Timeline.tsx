/**
 * 办理记录: the audit events of a record, oldest first — each step as its lifecycle names it, who
 * took it (name and role), when, the reason where a person gave one (red) and the system's note
 * where it wrote one (plain).
 */
import type { TimelineEvent } from '../api/types';
import { roleLabel } from '../auth/roles';
import { formatBeijingDateTime } from '../lib/beijing-time';

export function Timeline({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return <p className="muted">暂无记录</p>;
  return (
    <ol className="timeline">
      {events.map((e) => {
        const name = e.actorName ?? '系统';
        const role = e.actorRoleLabel ?? (e.role ? roleLabel(e.role) : null);
        return (
          <li key={e.id} className="timeline-item">
            <time dateTime={e.at} className="timeline-time">
              {formatBeijingDateTime(e.at)}
            </time>
            <div className="timeline-body">
              <p className="timeline-head">
                <strong className="timeline-label">{e.label ?? e.actionLabel}</strong>
                <span className="timeline-actor">
                  {name}
                  {role && role !== name && <span className="muted">（{role}）</span>}
                </span>
              </p>
              {(e.from || e.to) && e.from !== e.to && (
                <p className="timeline-states">
                  {e.fromLabel ?? '—'} <span aria-label="变为">→</span> {e.toLabel ?? '—'}
                </p>
              )}
              {e.reason && <p className="timeline-reason">理由：{e.reason}</p>}
              {e.note && <p className="timeline-note">{e.note}</p>}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

/** 谁查询过我: the employers that found the student by a lookup, and when (Beijing time). */
import { listMyLookups, LOOKUP_BY_LABELS } from '../../api/studentPrivacy';
import { formatBeijingDateTime } from '../../lib/beijing-time';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function LookedUpByCard() {
  const { data, error } = useQuery({ queryKey: queryKeys.myLookups(), queryFn: ({ signal }) => listMyLookups(signal) });
  return (
    <section className="card home-card" aria-labelledby="h-lookups">
      <h2 id="h-lookups">谁查询过我</h2>
      {error ? (
        <p className="muted">{error.message}</p>
      ) : !data ? (
        <p className="muted">加载中…</p>
      ) : data.items.length === 0 ? (
        <p className="muted">暂无用人单位查询过您的信息</p>
      ) : (
        <ul className="mini-list lookup-list">
          {data.items.map((l, i) => (
            <li key={i} className="mini-item">
              <span className="mini-title">{l.employerName}</span>
              <time className="mini-time" dateTime={l.at}>
                {formatBeijingDateTime(l.at)}
              </time>
              <span className="mini-sub">通过{(LOOKUP_BY_LABELS as Partial<Record<string, string>>)[l.by] ?? l.by}查询</span>
            </li>
          ))}
        </ul>
      )}
      <p className="muted small">用人单位每次查到您都会记录在这里（北京时间）。如有疑问，请联系学校就业部门。</p>
    </section>
  );
}

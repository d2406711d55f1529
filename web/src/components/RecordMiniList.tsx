/** A few records of one kind as a compact list (home cards). */
import { listRecords, type ListQuery } from '../api/records';
import { Link } from '../router';
import { Alert } from './Alert';
import { StateBadge } from './StateBadge';
import { formatBeijingDateTime } from '../lib/beijing-time';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';

export function RecordMiniList({ kind, query = {}, empty = '暂无记录' }: { kind: string; query?: ListQuery; empty?: string }) {
  const filters = { limit: 5, ...query };
  const { data, error } = useQuery({
    queryKey: queryKeys.records(kind, filters),
    queryFn: ({ signal }) => listRecords(kind, filters, signal),
  });
  if (error) return <Alert>{error.message}</Alert>;
  if (!data) return <p className="muted">加载中…</p>;
  if (data.items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="mini-list">
      {data.items.map((item) => (
        <li key={item.id}>
          <Link href={`/r/${kind}/${item.id}`} className="mini-item">
            <span className="mini-title">{item.title || item.number || '（未命名）'}</span>
            <StateBadge state={item.state} label={item.stateLabel} tone={item.stateTone} />
            {(item.number || item.subtitle) && <span className="mini-sub">{[item.number, item.subtitle].filter(Boolean).join(' · ')}</span>}
            <span className="mini-time">{formatBeijingDateTime(item.updatedAt)}</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** How many records are in one state (counts up to 100, then "100+"). */
export function QueueCount({ kind, state }: { kind: string; state: string }) {
  const filters = { state, limit: 100 };
  const { data, error } = useQuery({
    queryKey: queryKeys.records(kind, filters),
    queryFn: ({ signal }) => listRecords(kind, filters, signal),
  });
  if (error)
    return (
      <span className="count count-error" title={error.message}>
        —
      </span>
    );
  if (!data) return <span className="count">…</span>;
  return (
    <span className="count">
      {data.items.length}
      {data.nextCursor ? '+' : ''}
    </span>
  );
}

/**
 * /destinations/follow-up — 去向跟进 (college counsellors; the school sees every college): the
 * graduates by 毕业去向登记 state, 未登记 and 待就业 first, filterable by major, each with the latest
 * follow-up note and a box to add one (GET/POST /api/destinations/follow-up…). The school also
 * exports every registered destination here.
 */
import { useState, type SubmitEvent } from 'react';
import { addFollowUpNote, loadFollowUp, type FollowUpNote, type FollowUpRow } from '../../api/destinations';
import { useSession } from '../../auth/session';
import { can } from '../../auth/abilities';
import { Alert, Loading } from '../../components/Alert';
import { useTitle } from '../../hooks';
import { Link, replaceQuery, useLocation } from '../../router';
import { DestinationExport } from './DestinationExport';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';
import { formatBeijingDateTime } from '../../lib/beijing-time';

const TONE: Record<string, string> = {
  unregistered: 'bad',
  waiting: 'wait',
  returned: 'bad',
  reopened: 'neutral',
  registered: 'ok',
  agreement: 'ok',
};

function NoteBox({ row, onAdded }: { row: FollowUpRow; onAdded: (note: FollowUpNote) => void }) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = `note-${row.studentId}`;
  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onAdded(await addFollowUpNote(row.studentId, text));
      setText('');
    } catch (err) {
      setError(err instanceof Error ? err.message : '保存失败');
    } finally {
      setBusy(false);
    }
  }
  return (
    <form className="follow-up-note-form" onSubmit={(e) => void submit(e)}>
      <label htmlFor={id} className="sr-only">
        {row.name} 的跟进情况
      </label>
      <input
        id={id}
        className="input"
        maxLength={200}
        placeholder="跟进情况，如 已电话联系，正在准备考研"
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
      />
      <button type="submit" className="btn btn-small" disabled={busy || !text.trim()}>
        记录
      </button>
      {error && (
        <p id={`${id}-err`} className="field-error">
          {error}
        </p>
      )}
    </form>
  );
}

function Row({ row }: { row: FollowUpRow }) {
  const [note, setNote] = useState(row.note);
  const client = useQueryClient();
  // shown at once; the cached pages learn it too, so coming back shows the new note
  const added = (n: FollowUpNote) => {
    setNote(n);
    void client.invalidateQueries({ queryKey: queryKeys.followUpAll() });
  };
  return (
    <li className="follow-up-row">
      <div className="follow-up-head">
        <span className="follow-up-name">
          {row.name}
          {row.studentNo ? <span className="muted">（{row.studentNo}）</span> : null}
        </span>
        <span className={`badge badge-${TONE[row.status] ?? 'wait'}`} data-status={row.status}>
          {row.statusLabel}
        </span>
      </div>
      <p className="follow-up-meta muted small">
        {[row.major, `${row.cohort} 届`, row.destination ? `${row.destination} ${row.destinationLabel ?? ''}` : null]
          .filter(Boolean)
          .join(' · ')}
        {row.recordId && (
          <>
            {' '}
            · <Link href={`/r/destinations/${row.recordId}`}>查看登记</Link>
          </>
        )}
      </p>
      {note ? (
        <p className="follow-up-note small">
          <strong>最近跟进</strong> {note.text}
          <span className="muted">
            （{note.by}，{formatBeijingDateTime(note.at)}）
          </span>
        </p>
      ) : (
        <p className="follow-up-note small muted">尚无跟进记录</p>
      )}
      <NoteBox row={row} onAdded={added} />
    </li>
  );
}

export default function FollowUpPage() {
  useTitle('去向跟进');
  const { user } = useSession();
  const { query } = useLocation();
  const major = query.get('major') ?? '';
  const page = Math.max(1, Number(query.get('page') ?? '1') || 1);
  const loaded = useQuery({ queryKey: queryKeys.followUp(major, page), queryFn: ({ signal }) => loadFollowUp({ major, page }, signal) });
  const list = loaded.data;
  const counts = list?.counts;

  return (
    <main id="main" className="page follow-up-page">
      <h1 className="page-title">去向跟进</h1>
      <p className="muted">
        本{user?.role === 'school' ? '校' : '学院'}
        省级通过的毕业生及其毕业去向登记情况，未登记和待就业的排在最前。每位学生可记录简短的跟进情况。
      </p>
      <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="f-major" className="field-label">
            专业
          </label>
          <select id="f-major" className="input" value={major} onChange={(e) => replaceQuery({ major: e.target.value || undefined })}>
            <option value="">全部专业</option>
            {list?.majors.map((m) => (
              <option key={m} value={m}>
                {m}
              </option>
            ))}
          </select>
        </div>
      </form>
      {can(user, 'export_destinations') && <DestinationExport />}
      {loaded.error && <Alert>{loaded.error.message}</Alert>}
      {!list && !loaded.error && <Loading />}
      {counts && (
        <p className="follow-up-counts" role="status">
          {major ? `${major}专业` : `全${user?.role === 'school' ? '校' : '院'}`}共 <strong>{counts.total}</strong> 人，其中未登记{' '}
          <strong>{counts.unregistered}</strong> 人、待就业 <strong>{counts.waiting}</strong> 人
        </p>
      )}
      {list && list.items.length === 0 && <p className="empty">没有符合条件的毕业生</p>}
      {list && list.items.length > 0 && (
        <ul className="follow-up-list">
          {list.items.map((row) => (
            <Row key={row.studentId} row={row} />
          ))}
        </ul>
      )}
      {list && (page > 1 || list.hasMore) && (
        <nav className="follow-up-pages" aria-label="分页">
          {page > 1 && (
            <button type="button" className="btn" onClick={() => replaceQuery({ major: major || undefined, page: String(page - 1) })}>
              上一页
            </button>
          )}
          {list.hasMore && (
            <button type="button" className="btn" onClick={() => replaceQuery({ major: major || undefined, page: String(page + 1) })}>
              下一页
            </button>
          )}
        </nav>
      )}
    </main>
  );
}

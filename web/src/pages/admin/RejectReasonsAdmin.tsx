/**
 * 退回原因: the admin keeps, per lifecycle, the common reasons reviewers pick when rejecting. One
 * reason per line; 恢复默认 goes back to the list the lifecycle ships with.
 */
import { useId, useState } from 'react';
import { ApiError } from '../../api/client';
import { getReasonList, putReasonList, type ReasonList } from '../../api/records';
import { KINDS } from '../../api/types';
import { Alert, Loading } from '../../components/Alert';
import { reasonLines, reasonErrorText } from './reason-lines';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

async function loadAll(): Promise<ReasonList[]> {
  const lists = await Promise.all(
    KINDS.map((kind) =>
      getReasonList(kind).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    ),
  );
  return lists.filter((l): l is ReasonList => l !== null);
}

export function RejectReasonsAdmin() {
  const { data, error } = useQuery({ queryKey: queryKeys.reasonLists(), queryFn: () => loadAll() });
  return (
    <section className="card reasons-admin" aria-labelledby="reasons-title">
      <h2 id="reasons-title">退回原因</h2>
      <p className="muted">审核人退回或驳回时可直接选择的常用原因，每类记录一份，每行一条；审核人也可以不选而自行填写。</p>
      {error && <Alert>{error.message}</Alert>}
      {!data && !error && <Loading />}
      {data?.map((list) => (
        <ReasonListEditor key={list.kind} initial={list} />
      ))}
    </section>
  );
}

function ReasonListEditor({ initial }: { initial: ReasonList }) {
  const [list, setList] = useState(initial);
  const [text, setText] = useState(initial.reasons.join('\n'));
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  const id = useId();
  const client = useQueryClient();

  const save = async (reasons: string[] | null) => {
    setBusy(true);
    setMessage(null);
    try {
      const saved = await putReasonList(list.kind, reasons);
      setList(saved);
      // the editor starts from its first answer: the next visit must start from what was saved
      client.setQueryData<ReasonList[]>(queryKeys.reasonLists(), (all) => all?.map((l) => (l.kind === saved.kind ? saved : l)));
      setText(saved.reasons.join('\n'));
      setMessage({ tone: 'ok', text: reasons === null ? '已恢复默认原因' : '已保存' });
    } catch (e) {
      setMessage({ tone: 'error', text: e instanceof ApiError ? reasonErrorText(e.message, e.fields) : '保存失败' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="reason-list-editor" data-kind={list.kind}>
      <label htmlFor={`${id}-text`} className="field-label">
        {list.label}
        <span className="muted small">
          （{list.custom ? '已自定义' : '默认'}，{list.reasons.length} 条）
        </span>
      </label>
      <textarea
        id={`${id}-text`}
        className="input textarea"
        rows={Math.min(8, Math.max(3, text.split('\n').length + 1))}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={message ? `${id}-msg` : undefined}
      />
      <div className="reason-list-actions">
        <button type="button" className="btn btn-small btn-primary" disabled={busy} onClick={() => void save(reasonLines(text))}>
          保存{list.label}退回原因
        </button>
        {list.custom && (
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void save(null)}>
            恢复默认
          </button>
        )}
        {message && (
          <span
            id={`${id}-msg`}
            role={message.tone === 'error' ? 'alert' : 'status'}
            className={message.tone === 'error' ? 'field-error' : 'muted'}
          >
            {message.text}
          </span>
        )}
      </div>
    </div>
  );
}

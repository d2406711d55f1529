/**
 * 全选本页 + 「批量审核通过（N）」: a confirmation dialog, then the selected rows approved one after
 * another with progress (已处理 x / N) and a result per row; the list reloads afterwards.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListItem } from '../../api/types';
import { Dialog } from '../../components/Dialog';
import { approveActionOf, approveOne, type RowResult } from './approveOne';

interface Props {
  kind: string;
  items: ListItem[];
  selected: ReadonlySet<string>;
  onSelect: (next: ReadonlySet<string>) => void;
  /** after the run: reload the list (selection is cleared by the caller) */
  onFinished: () => void;
}

type Stage = 'closed' | 'confirm' | 'running' | 'done';

export function BulkApprove({ kind, items, selected, onSelect, onFinished }: Props) {
  const chosen = items.filter((i) => selected.has(i.id));
  const n = chosen.length;
  const allOnPage = items.length > 0 && items.every((i) => selected.has(i.id));
  const someOnPage = !allOnPage && items.some((i) => selected.has(i.id));
  const allRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (allRef.current) allRef.current.indeterminate = someOnPage;
  }, [someOnPage]);

  const [stage, setStage] = useState<Stage>('closed');
  const [action, setAction] = useState<{ label: string; confirm: string | null } | null>(null);
  const [batch, setBatch] = useState<ListItem[]>([]);
  const [results, setResults] = useState<RowResult[]>([]);
  const [lastRun, setLastRun] = useState<RowResult[] | null>(null);
  const stop = useRef<AbortController | null>(null);

  const open = () => {
    setBatch(chosen);
    setResults([]);
    setAction(null);
    setStage('confirm');
    const [first] = chosen;
    if (first) void approveActionOf(kind, first.id).then(setAction);
  };

  const run = async () => {
    setStage('running');
    const controller = new AbortController();
    stop.current = controller;
    const out: RowResult[] = [];
    for (const item of batch) {
      if (controller.signal.aborted) break;
      out.push(await approveOne(kind, item));
      setResults([...out]);
    }
    setStage('done');
    setLastRun(out);
    onFinished();
  };

  const close = useCallback(() => {
    if (stage === 'running') {
      stop.current?.abort();
      return;
    }
    setStage('closed');
  }, [stage]);

  const okCount = results.filter((r) => r.ok).length;
  const label = action?.label ?? '审核通过';

  return (
    <>
      <div className="bulk-bar" role="group" aria-label="批量操作">
        <label className="choice">
          <input
            ref={allRef}
            type="checkbox"
            checked={allOnPage}
            disabled={items.length === 0}
            onChange={(e) => {
              const next = new Set(selected);
              for (const i of items) {
                if (e.target.checked) next.add(i.id);
                else next.delete(i.id);
              }
              onSelect(next);
            }}
          />
          <span>全选本页</span>
        </label>
        <span className="muted" aria-live="polite">
          已选 {n} 条
        </span>
        <button type="button" className="btn btn-primary" disabled={n === 0} onClick={open}>
          批量审核通过（{n}）
        </button>
      </div>

      {lastRun && stage === 'closed' && <BulkResults results={lastRun} onDismiss={() => setLastRun(null)} />}

      <Dialog
        open={stage !== 'closed'}
        title={stage === 'confirm' ? `批量${label}` : stage === 'running' ? '正在批量审核…' : '批量审核完成'}
        onClose={close}
        footer={
          stage === 'confirm' ? (
            <>
              <button type="button" className="btn" onClick={close}>
                取消
              </button>
              <button type="button" className="btn btn-primary" onClick={() => void run()}>
                确认{label}（{batch.length} 条）
              </button>
            </>
          ) : stage === 'running' ? (
            <button type="button" className="btn" onClick={close}>
              停止（处理完当前一条）
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={close}>
              关闭
            </button>
          )
        }
      >
        {stage === 'confirm' && (
          <>
            <p className="confirm-text">
              将对以下 {batch.length} 条记录逐条执行「{label}」，请确认您已逐条核对。
            </p>
            {action?.confirm && <p className="alert alert-info">{action.confirm}</p>}
            <ul className="bulk-preview">
              {batch.slice(0, 8).map((i) => (
                <li key={i.id}>{i.title || i.number || i.id}</li>
              ))}
              {batch.length > 8 && <li className="muted">…等共 {batch.length} 条</li>}
            </ul>
          </>
        )}
        {stage !== 'confirm' && (
          <>
            <p role="status" aria-live="polite">
              已处理 {results.length} / {batch.length}
              {stage === 'done' &&
                `：成功 ${okCount} 条，失败 ${results.length - okCount} 条${results.length < batch.length ? `，未处理 ${batch.length - results.length} 条` : ''}`}
            </p>
            <progress className="bulk-progress" max={batch.length} value={results.length} aria-label="处理进度" />
            <ResultTable results={results} />
          </>
        )}
      </Dialog>
    </>
  );
}

function ResultTable({ results }: { results: RowResult[] }) {
  if (results.length === 0) return null;
  return (
    <div className="table-wrap table-scroll">
      <table className="group-table">
        <thead>
          <tr>
            <th scope="col">记录</th>
            <th scope="col">结果</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <tr key={r.id} className={r.ok ? 'row-ok' : 'row-bad'}>
              <td>{r.title}</td>
              <td>{r.ok ? r.message : <span className="text-bad">失败：{r.message}</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function BulkResults({ results, onDismiss }: { results: RowResult[]; onDismiss: () => void }) {
  const failed = results.filter((r) => !r.ok);
  return (
    <section className={`card bulk-results`} aria-labelledby="bulk-res-title">
      <div className="card-head">
        <h2 id="bulk-res-title">
          上次批量审核：成功 {results.length - failed.length} 条{failed.length ? `，失败 ${failed.length} 条` : ''}
        </h2>
        <button type="button" className="link-button" onClick={onDismiss}>
          关闭
        </button>
      </div>
      {failed.length > 0 && <ResultTable results={failed} />}
    </section>
  );
}

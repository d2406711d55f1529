/** /r/:kind — records of one kind the actor may see: filters in the URL, keyset pagination. */
import { useMemo, useState, type SubmitEvent } from 'react';
import { MAX_SEARCH_LENGTH } from '../../../forms/engine/search';
import { ApiError } from '../api/client';
import { lifecyclesQuery } from '../api/queries';
import { listRecords } from '../api/records';
import type { ListItem } from '../api/types';
import { Alert, Loading } from '../components/Alert';
import { StateBadge } from '../components/StateBadge';
import { useUser } from '../auth/session';
import { can } from '../auth/abilities';
import { useTitle } from '../hooks';
import { Link, replaceQuery, useLocation } from '../router';
import { BulkApprove } from './bulk/BulkApprove';
import { canBulkApprove } from './bulk/bulkApproveRule';
import { useSelection } from './bulk/useSelection';
import { BulkResetPasswords } from './list/BulkResetPasswords';
import { OrgFilters } from './list/OrgFilters';
import { createHref, createRefusal } from '../api/create-entry';
import { canExportDispatches, DispatchExport } from './list/DispatchExport';
import { canExportDestinations, DestinationExport } from './destinations/DestinationExport';
import { takeFlash } from './record/advance-queue';
import { recordHref } from './record/queue-params';
import { formatBeijingDateTime } from '../lib/beijing-time';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/query-keys';
import { invalidateAfterRecordWrite } from '../api/invalidation';

const PAGE = 20;

export function ListPage({ kind }: { kind: string }) {
  const user = useUser();
  const { query } = useLocation();
  const state = query.get('state') ?? '';
  const cohort = query.get('cohort') ?? '';
  const q = query.get('q') ?? '';
  const school = query.get('school') ?? '';
  const college = query.get('college') ?? '';
  const filters = { state, cohort, q, school, college };
  const lcs = useQuery(lifecyclesQuery(user.id));
  const client = useQueryClient();
  const lc = lcs.data?.[kind];
  useTitle(lc?.label ?? '记录');

  // 「已全部处理」 when a reviewer comes back from the last waiting record of this queue
  const [flash] = useState(() => takeFlash(window.location.pathname + window.location.search));
  // one query per set of filters; 加载更多 adds the next page (keyset cursor) to it
  const listFilters = { state, cohort, q, school, college, limit: PAGE };
  const list = useInfiniteQuery({
    queryKey: queryKeys.recordPages(kind, listFilters),
    queryFn: ({ pageParam, signal }) => listRecords(kind, { ...listFilters, cursor: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const items: ListItem[] = useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const cursor = list.hasNextPage;
  // a refetch in the background keeps the list as it is; only a first load or 加载更多 says 加载中
  const loading = list.isPending || list.isFetchingNextPage;
  const error = list.error ? (list.error instanceof ApiError ? list.error.message : '加载失败') : null;
  const bulk = canBulkApprove(lc, state);
  const selection = useSelection(`${kind}:${state}`);

  const [qDraft, setQDraft] = useState(q);
  const [cohortDraft, setCohortDraft] = useState(cohort);
  // the address changed (back, a link): the boxes show what is searched now
  const [searched, setSearched] = useState({ q, cohort });
  if (searched.q !== q || searched.cohort !== cohort) {
    setSearched({ q, cohort });
    if (searched.q !== q) setQDraft(q);
    if (searched.cohort !== cohort) setCohortDraft(cohort);
  }

  function applySearch(e: SubmitEvent) {
    e.preventDefault();
    replaceQuery({ ...filters, cohort: cohortDraft.trim(), q: qDraft.trim() });
  }

  if (lcs.data && !lc) {
    return (
      <main id="main" className="page">
        <Alert>不支持的记录类型，或您无权查看。</Alert>
        <Link href="/">返回首页</Link>
      </main>
    );
  }

  const newHref = createHref(kind, lc?.create);
  const refusal = createRefusal(lc?.create);

  return (
    <main id="main" className="page">
      <nav className="crumbs" aria-label="位置">
        <Link href="/">首页</Link> / <span>{lc?.label ?? kind}</span>
      </nav>
      <div className="page-head">
        <h1 className="page-title">{lc?.label ?? '记录'}</h1>
        {newHref && (
          <Link href={newHref} className="btn btn-primary">
            新建
          </Link>
        )}
      </div>
      {refusal && <p className="muted create-refusal">暂不能新建：{refusal}</p>}

      <form className="filters" role="search" onSubmit={applySearch}>
        <div className="field">
          <label htmlFor="f-state" className="field-label">
            状态
          </label>
          <select id="f-state" className="input" value={state} onChange={(e) => replaceQuery({ ...filters, state: e.target.value })}>
            <option value="">全部</option>
            {lc &&
              Object.entries(lc.states).map(([s, label]) => (
                <option key={s} value={s}>
                  {label}
                </option>
              ))}
          </select>
        </div>
        {user.role !== 'student' && (
          <div className="field">
            <label htmlFor="f-cohort" className="field-label">
              毕业届
            </label>
            <input
              id="f-cohort"
              className="input"
              inputMode="numeric"
              placeholder="如 2027"
              maxLength={4}
              value={cohortDraft}
              onChange={(e) => setCohortDraft(e.target.value.replace(/\D/g, ''))}
            />
          </div>
        )}
        <OrgFilters school={school} college={college} onChange={(org) => replaceQuery({ ...filters, ...org })} />
        <div className="field field-grow">
          <label htmlFor="f-q" className="field-label">
            搜索
          </label>
          <input
            id="f-q"
            className="input"
            type="search"
            placeholder="姓名、单位、协议书编号"
            maxLength={MAX_SEARCH_LENGTH}
            value={qDraft}
            onChange={(e) => setQDraft(e.target.value)}
          />
        </div>
        <button type="submit" className="btn">
          查询
        </button>
      </form>

      {kind === 'source-records' && can(user, 'reset_student_passwords_in_bulk') && <BulkResetPasswords />}
      {canExportDispatches(kind, user) && <DispatchExport filters={filters} stateLabel={lc?.states[state] ?? null} />}
      {canExportDestinations(kind, user) && <DestinationExport />}
      {flash && <Alert tone={flash.tone}>{flash.text}</Alert>}
      {error && <Alert>{error}</Alert>}
      <p className="sr-only" role="status" aria-live="polite">
        {loading ? '加载中' : `共显示 ${items.length} 条`}
      </p>
      {items.length === 0 && !loading && !error && <p className="empty">没有符合条件的记录</p>}
      {bulk && (
        <BulkApprove
          kind={kind}
          items={items}
          selected={selection.selected}
          onSelect={selection.set}
          onFinished={() => {
            selection.set(new Set());
            void invalidateAfterRecordWrite(client, kind);
          }}
        />
      )}
      {items.length > 0 && (
        <ul className="record-list">
          {items.map((item) => (
            <li key={item.id} className={bulk ? 'record-row' : undefined}>
              {bulk && (
                <input
                  type="checkbox"
                  className="row-check"
                  checked={selection.selected.has(item.id)}
                  aria-label={`选择：${item.title || item.number || '（未命名）'}`}
                  onChange={(e) => selection.toggle(item.id, e.target.checked)}
                />
              )}
              <Link href={recordHref(kind, item.id, filters)} className="record-item">
                <span className="record-item-main">
                  <span className="record-title">{item.title || '（未命名）'}</span>
                  {item.subtitle && <span className="record-sub">{item.subtitle}</span>}
                </span>
                <span className="record-item-meta">
                  <StateBadge state={item.state} label={item.stateLabel} tone={item.stateTone} />
                  {item.number && <span className="record-no">{item.number}</span>}
                  <time dateTime={item.updatedAt}>{formatBeijingDateTime(item.updatedAt)}</time>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {loading && <Loading />}
      {cursor && !loading && (
        <button type="button" className="btn btn-block" onClick={() => void list.fetchNextPage()}>
          加载更多
        </button>
      )}
    </main>
  );
}

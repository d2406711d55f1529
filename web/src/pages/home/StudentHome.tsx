/**
 * A student's home: the source record and its next step, invitations waiting for an answer,
 * amendments to confirm, the agreement, and 录入线下协议书 only when signing is possible; then who
 * looked the student up (谁查询过我) and the student's 签约码.
 */
import { useState } from 'react';
import { listRecords } from '../../api/records';
import type { Lifecycles } from '../../api/types';
import { QueueCount, RecordMiniList } from '../../components/RecordMiniList';
import { StateBadge } from '../../components/StateBadge';
import { Link } from '../../router';
import { LookedUpByCard } from './LookedUpByCard';
import { homeModules } from './modules';
import { useUser } from '../../auth/session';
import { SigningCodeCard } from './SigningCodeCard';
import { SourceStatus } from './SourceStatus';
import { createHref } from '../../api/create-entry';
import { HelpLink } from '../../help/HelpLink';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

/** states in which an agreement binds the student (the server refuses a second one) */
const ACTIVE_AGREEMENT = ['college_review', 'school_review', 'approved', 'returned'];

function AgreementCard({ active }: { active: ReturnType<typeof useActiveAgreement> }) {
  const { data, error } = active;
  return (
    <section className="card home-card" aria-labelledby="h-agreement">
      <div className="card-head">
        <h2 id="h-agreement">就业协议书</h2>
        <Link href="/r/agreements" className="link-more">
          查看全部
        </Link>
      </div>
      {error ? (
        <p className="muted">{error.message}</p>
      ) : !data ? (
        <p className="muted">加载中…</p>
      ) : data.active ? (
        <div className="status-line">
          <Link href={`/r/agreements/${data.active.id}`}>{data.active.title || data.active.number || '我的协议书'}</Link>
          <StateBadge state={data.active.state} label={data.active.stateLabel} tone={data.active.stateTone} />
          {data.active.number && <span className="muted mono">{data.active.number}</span>}
        </div>
      ) : (
        <p className="muted">您目前没有生效的协议书。{data.count > 0 ? '（历史协议书见「查看全部」）' : ''}</p>
      )}
    </section>
  );
}

function useActiveAgreement() {
  const filters = { limit: 20 };
  return useQuery({
    queryKey: queryKeys.records('agreements', filters),
    queryFn: ({ signal }) => listRecords('agreements', filters, signal),
    select: (page) => ({ active: page.items.find((i) => ACTIVE_AGREEMENT.includes(i.state)) ?? null, count: page.items.length }),
  });
}

function WaitingCard({ kind, state, title }: { kind: string; state: string; title: string }) {
  return (
    <Link href={`/r/${kind}?state=${state}`} className="queue-item queue-item-main">
      <span>{title}</span>
      <QueueCount kind={kind} state={state} />
    </Link>
  );
}

export function StudentHome({ lcs }: { lcs: Lifecycles }) {
  const user = useUser();
  const [sourceState, setSourceState] = useState<string | null>(null);
  const agreement = useActiveAgreement();
  // offered exactly when the server would accept the create (approved source record, no active agreement)
  const offlineHref = createHref('agreements', lcs.agreements?.create);

  return (
    <>
      <div className="home-grid">
        <SourceStatus onState={setSourceState} />
        <section className="card home-card" aria-labelledby="h-todo">
          <h2 id="h-todo">待我处理</h2>
          <ul className="queue-list">
            {lcs.invitations && (
              <li>
                <WaitingCard kind="invitations" state="sent" title="待应约的职位邀约" />
              </li>
            )}
            {lcs.amendments && (
              <li>
                <WaitingCard kind="amendments" state="proposed" title="待我确认的协议修改" />
              </li>
            )}
            {lcs.terminations && (
              <li>
                <WaitingCard kind="terminations" state="consent_pending" title="解约申请（待对方同意）" />
              </li>
            )}
            {lcs.dispatches && (
              <li>
                <WaitingCard kind="dispatches" state="unconfirmed" title="待确认的派遣信息" />
              </li>
            )}
          </ul>
          <ul className="chip-list" aria-label="查看全部记录">
            {homeModules(user.modules, lcs).map((m) => (
              <li key={m.key}>
                <Link href={m.href} className="chip">
                  {m.label}
                </Link>
              </li>
            ))}
          </ul>
        </section>
        <AgreementCard active={agreement} />
        {offlineHref && (
          <section className="card home-card" aria-labelledby="h-offline">
            <h2 id="h-offline">线下签约</h2>
            <p>已与用人单位签订纸质协议书？请录入协议内容，提交学院审核。</p>
            <Link href={offlineHref} className="btn">
              录入线下协议书
            </Link>
            <p>
              <HelpLink id="offline-flow">线下签约的流程是怎样的？</HelpLink>
            </p>
          </section>
        )}
        {lcs.invitations && (
          <section className="card home-card" aria-labelledby="h-invitations">
            <div className="card-head">
              <h2 id="h-invitations">{lcs.invitations.label}</h2>
              <Link href="/r/invitations" className="link-more">
                查看全部
              </Link>
            </div>
            <RecordMiniList kind="invitations" empty="暂无职位邀约" />
          </section>
        )}
        <SigningCodeCard approved={sourceState === 'approved'} />
        <LookedUpByCard />
      </div>
    </>
  );
}

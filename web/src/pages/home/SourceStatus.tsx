/** The student's source record in plain words, with the next step (and the reviewer's reason when returned). */
import { getRecord, listRecords } from '../../api/records';
import type { ListItem } from '../../api/types';
import { Alert } from '../../components/Alert';
import { StateBadge } from '../../components/StateBadge';
import { Link } from '../../router';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../../api/query-keys';

/** the latest reason a reviewer gave (the record's last timeline event with a reason) */
function useReturnReason(item: ListItem | undefined) {
  const returned = item?.state === 'returned';
  return useQuery({
    queryKey: queryKeys.home('return-reason', item?.id, item?.version),
    enabled: !!item && returned,
    queryFn: async ({ signal }) => {
      if (!item) return null;
      const record = await getRecord('source-records', item.id, signal);
      const withReason = [...record.timeline].reverse().find((e) => e.reason);
      return withReason?.reason ? { reason: withReason.reason, by: withReason.actorName, at: withReason.at } : null;
    },
  });
}

export function SourceStatus({ onState }: { onState?: (state: string | null) => void }) {
  const filters = { limit: 1 };
  const list = useQuery({
    queryKey: queryKeys.records('source-records', filters),
    queryFn: ({ signal }) => listRecords('source-records', filters, signal),
  });
  const item = list.data?.items[0];
  const state = list.data ? (item?.state ?? null) : undefined;
  useEffect(() => {
    if (state !== undefined) onState?.(state);
  }, [state, onState]);
  const reason = useReturnReason(item);

  let body;
  if (list.error) body = <Alert>{list.error.message}</Alert>;
  else if (!list.data) body = <p className="muted">加载中…</p>;
  else if (!item) body = <p>学校尚未导入您的生源信息，请联系学院或学校就业部门。</p>;
  else {
    const href = `/r/source-records/${item.id}`;
    switch (item.state) {
      case 'imported':
        body = (
          <div className="next-step">
            <p>学校已导入您的生源信息，请逐项核对、补充联系方式后提交学校审核。</p>
            <Link href={href} className="btn btn-primary">
              请核对生源信息并提交
            </Link>
          </div>
        );
        break;
      case 'returned':
        body = (
          <>
            <Alert>
              <p>
                <strong>您的生源信息已被退回</strong>
                {reason.data?.by ? `（${reason.data.by}）` : ''}，请按意见修改后重新提交。
              </p>
              {reason.data && <p>退回理由：{reason.data.reason}</p>}
            </Alert>
            <Link href={href} className="btn btn-primary">
              修改并重新提交
            </Link>
          </>
        );
        break;
      case 'submitted':
        body = (
          <p>
            您已提交核对，正在等待学校审核。 <Link href={href}>查看</Link>
          </p>
        );
        break;
      case 'school_approved':
        body = (
          <p>
            学校已审核通过，正在等待省级审核。 <Link href={href}>查看</Link>
          </p>
        );
        break;
      case 'approved':
        body = (
          <p>
            <strong>您已可以网上签约。</strong>用人单位可以查找到您并发出职位邀约。 <Link href={href}>查看生源信息</Link>
          </p>
        );
        break;
      default:
        body = (
          <p>
            <Link href={href}>查看生源信息</Link>
          </p>
        );
    }
  }

  return (
    <section className="card home-card" aria-labelledby="h-source">
      <div className="card-head">
        <h2 id="h-source">生源信息</h2>
        {item && <StateBadge state={item.state} label={item.stateLabel} tone={item.stateTone} />}
      </div>
      {body}
    </section>
  );
}

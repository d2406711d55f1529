/** On the agreement a student has just created by 接受邀约: what happened and what comes next. */
import { Alert } from '../../components/Alert';
import { useLocation } from '../../router';

/** The query the invitation page adds when it goes on to the agreement it created. */
export const ACCEPTED_QUERY = 'accepted';

export function AcceptedNotice({ kind }: { kind: string }) {
  const accepted = useLocation().query.get(ACCEPTED_QUERY) === '1';
  if (kind !== 'agreements' || !accepted) return null;
  return <Alert tone="ok">已接受邀约，协议书已生成并提交学院审核。审核进度见「办理记录」。</Alert>;
}

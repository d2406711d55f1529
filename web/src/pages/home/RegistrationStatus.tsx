/**
 * The employer's own registration: while the centre has not verified it, what state it is in and
 * what to do next; once verified, where to see the company details and ask for a change, and how
 * a change under review stands (records keep the verified details until the centre approves it).
 */
import { listRecords } from '../../api/records';
import { Alert } from '../../components/Alert';
import { Link } from '../../router';
import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../api/query-keys';

export function useRegistration() {
  const filters = { limit: 1 };
  return useQuery({
    queryKey: queryKeys.records('employer-registrations', filters),
    queryFn: ({ signal }) => listRecords('employer-registrations', filters, signal),
  });
}

export function RegistrationStatus({ registration }: { registration: ReturnType<typeof useRegistration> }) {
  const item = registration.data?.items[0];
  if (!item) return null;
  const href = `/r/employer-registrations/${item.id}`;
  if (item.state === 'verified') {
    return (
      <p className="muted">
        单位信息已通过就业中心审核，协议书中的单位名称、统一社会信用代码等以此为准。 <Link href={href}>查看单位信息或申请变更</Link>
      </p>
    );
  }
  if (item.state === 'change_pending') {
    return (
      <Alert tone="info">
        单位信息变更<strong>待就业中心审核</strong>：审核通过前，新的邀约和协议书仍使用已审核的单位信息。{' '}
        <Link href={href}>查看变更申请</Link>
      </Alert>
    );
  }
  if (item.state === 'change_returned') {
    return (
      <Alert>
        单位信息变更被就业中心<strong>退回</strong>，协议书中仍使用已审核的单位信息。请查看退回原因，修改后可重新申请。{' '}
        <Link href={href}>查看并修改变更申请</Link>
      </Alert>
    );
  }
  if (item.state === 'returned') {
    return (
      <Alert>
        单位注册信息被就业中心<strong>退回修改</strong>，请查看退回原因并修改后重新提交。 <Link href={href}>查看并修改注册信息</Link>
      </Alert>
    );
  }
  return (
    <Alert tone="info">
      单位注册信息<strong>{item.stateLabel}</strong>：就业中心审核通过后即可查找学生、发出职位邀约。 <Link href={href}>查看注册信息</Link>
    </Alert>
  );
}

/**
 * The employer's own registration, while the centre has not verified it: what state it is in and
 * what to do next. Nothing is shown once verified.
 */
import { listRecords } from '../../api/records';
import { Alert } from '../../components/Alert';
import { useAsync } from '../../hooks';
import { Link } from '../../router';

export function useRegistration() {
  return useAsync((signal) => listRecords('employer-registrations', { limit: 1 }, signal), []);
}

export function RegistrationStatus({ registration }: { registration: ReturnType<typeof useRegistration> }) {
  const item = registration.data?.items[0];
  if (!item || item.state === 'verified') return null;
  const href = `/r/employer-registrations/${item.id}`;
  if (item.state === 'returned') {
    return (
      <Alert>
        单位注册信息被就业中心<strong>退回修改</strong>，请查看退回原因并修改后重新提交。{' '}
        <Link href={href}>查看并修改注册信息</Link>
      </Alert>
    );
  }
  return (
    <Alert tone="info">
      单位注册信息<strong>{item.stateLabel}</strong>：就业中心审核通过后即可查找学生、发出职位邀约。{' '}
      <Link href={href}>查看注册信息</Link>
    </Alert>
  );
}

import { useSession } from '../auth/session';
import { roleLabel } from '../auth/roles';
import { Link, navigate } from '../router';

export function AppHeader() {
  const { user, signOut } = useSession();
  const org = user?.scope.employerName || user?.scope.collegeName || user?.scope.schoolName || '';
  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href="/" className="brand">
          <span className="brand-main">网签</span>
          <span className="brand-sub"> · 高校毕业生就业协议网上签约</span>
        </Link>
        {user && (
          <div className="user-box">
            <span className="user-name">
              {user.displayName}
              <span className="user-role">（{roleLabel(user.role)}<span className="user-org">{org ? ` · ${org}` : ''}</span>）</span>
            </span>
            {user.role === 'student' && !user.mustChangePassword && user.identityConfirmed !== false && (
              <Link href="/profile" className="link-button">基本信息</Link>
            )}
            {!user.mustChangePassword && (
              <Link href="/password" className="link-button">修改密码</Link>
            )}
            <button type="button" className="btn btn-small" onClick={() => void signOut().then(() => navigate('/', { replace: true }))}>
              退出
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

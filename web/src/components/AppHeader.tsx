/**
 * The page header: the product name, the role's modules and the account. On phones it is one
 * row — 网签 and a 菜单 button opening a panel with the modules, the user's name, 基本信息,
 * 修改密码 and 退出; from 601 px up the modules are a horizontal bar and the account sits on the right.
 * The modules are the session answer's, as the home page shows them (`homeModules`), so the two never disagree.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { lifecyclesQuery } from '../api/queries';
import { useSession } from '../auth/session';
import { roleLabel } from '../auth/roles';
import { homeModules, listsRecords, type HomeModule } from '../pages/home/modules';
import { can } from '../auth/abilities';
import type { User } from '../api/types';
import { Link, navigate, useLocation } from '../router';
import { useQuery } from '@tanstack/react-query';
import { NotificationBadge } from './NotificationBadge';

/** the width below which the header collapses into the menu (the phone breakpoint of styles.css) */
const PHONE = '(max-width: 600px)';

function useModules(user: User | null, ready: boolean): HomeModule[] {
  const modules = user?.modules ?? [];
  const { data: lcs } = useQuery(lifecyclesQuery(user?.id, ready && listsRecords(modules)));
  return ready ? homeModules(modules, lcs) : [];
}

function isCurrent(path: string, href: string): boolean {
  return path === href || path.startsWith(href + '/');
}

function ModuleLinks({ modules, path, onPick }: { modules: HomeModule[]; path: string; onPick?: () => void }) {
  return (
    <ul>
      {modules.map((m) => (
        <li key={m.key}>
          <Link href={m.href} className="app-nav-link" aria-current={isCurrent(path, m.href) ? 'page' : undefined} onClick={onPick}>
            {m.label}
          </Link>
        </li>
      ))}
    </ul>
  );
}

export function AppHeader() {
  const { user, signOut } = useSession();
  const { path } = useLocation();
  // the same gate as App: a new password first, then a student confirms identity
  const ready = !!user && !user.mustChangePassword && !(user.role === 'student' && user.identityConfirmed === false);
  const modules = useModules(user, ready);
  const scopeName = user?.scope.employerName || user?.scope.collegeName || user?.scope.schoolName || '';
  // an employer's account is named after the employer: say it once
  const org = scopeName !== user?.displayName ? scopeName : '';

  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) button.current?.focus();
  }, []);

  // a new page closes the menu; so does growing past the phone width
  const page = `${path} ${user?.id ?? ''}`;
  const [menuPage, setMenuPage] = useState(page);
  if (menuPage !== page) {
    setMenuPage(page);
    setOpen(false);
  }
  useEffect(() => {
    // jsdom, where the tests run, has no matchMedia
    if (typeof window.matchMedia !== 'function') return;
    const mq = window.matchMedia(PHONE);
    const onChange = () => !mq.matches && setOpen(false);
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);

  // opened: focus its first link; Esc closes and returns to the button; a click outside closes
  useEffect(() => {
    if (!open) return;
    panel.current?.querySelector<HTMLElement>('a, button')?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        close(true);
      }
    };
    const onPointer = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!panel.current?.contains(t) && !button.current?.contains(t)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, close]);

  const doSignOut = () => void signOut().then(() => navigate('/', { replace: true }));
  const accountLinks = user && (
    <>
      <Link href="/help" className="link-button">
        常见问题
      </Link>
      {can(user, 'edit_own_contact') && ready && (
        <Link href="/profile" className="link-button">
          基本信息
        </Link>
      )}
      {!user.mustChangePassword && (
        <Link href="/password" className="link-button">
          修改密码
        </Link>
      )}
      <button type="button" className="btn btn-small" onClick={doSignOut}>
        退出
      </button>
    </>
  );

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link href="/" className="brand">
          <span className="brand-main">网签</span>
          <span className="brand-sub"> · 高校毕业生就业协议网上签约</span>
        </Link>
        {!user && (
          <Link href="/help" className="link-button header-help">
            常见问题
          </Link>
        )}
        {ready && <NotificationBadge />}
        {user && (
          <div className="user-box app-header-wide">
            <span className="user-name">
              {user.displayName}
              <span className="user-role">
                （{roleLabel(user.role)}
                <span className="user-org">{org ? ` · ${org}` : ''}</span>）
              </span>
            </span>
            {accountLinks}
          </div>
        )}
        {user && (
          <button
            ref={button}
            type="button"
            className="btn btn-small app-menu-button"
            aria-expanded={open}
            aria-controls={menuId}
            onClick={() => setOpen((o) => !o)}
          >
            <span aria-hidden="true" className="app-menu-icon">
              {open ? '✕' : '☰'}
            </span>{' '}
            菜单
          </button>
        )}
      </div>
      {modules.length > 0 && (
        <nav className="app-nav app-header-wide" aria-label="主导航">
          <ModuleLinks modules={modules} path={path} />
        </nav>
      )}
      {user && (
        <div id={menuId} ref={panel} className="app-menu" hidden={!open}>
          {modules.length > 0 && (
            <nav className="app-menu-nav" aria-label="主导航">
              <ModuleLinks modules={modules} path={path} onPick={() => close(false)} />
            </nav>
          )}
          <div className="app-menu-account">
            <p className="app-menu-user">
              {user.displayName}
              <span className="user-role">
                （{roleLabel(user.role)}
                {org ? ` · ${org}` : ''}）
              </span>
            </p>
            {accountLinks}
          </div>
        </div>
      )}
    </header>
  );
}

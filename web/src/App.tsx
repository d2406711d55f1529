/** Sign-in gate, then the routes. Screens that render forms (and carry the engine) load lazily. */
import { lazy, Suspense, useEffect, useRef, type ReactNode } from 'react';
import { Alert, PageLoading } from './components/Alert';
import { AppHeader } from './components/AppHeader';
import { useSession } from './auth/session';
import { ChangePasswordPage } from './pages/ChangePasswordPage';
import { HomePage } from './pages/HomePage';
import { IdentityPage } from './pages/IdentityPage';
import { ListPage } from './pages/ListPage';
import { LoginPage } from './pages/LoginPage';
import { LookupPage } from './pages/LookupPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { match, useLocation } from './router';

const RecordPage = lazy(() => import('./pages/RecordPage'));
const CreatePage = lazy(() => import('./pages/CreatePage'));
const FormPreviewPage = lazy(() => import('./pages/FormPreviewPage'));
const SourceImportPage = lazy(() => import('./pages/SourceImportPage'));
const FormsAdminPage = lazy(() => import('./pages/admin/FormsAdminPage'));
const FormEditorPage = lazy(() => import('./pages/admin/FormEditorPage'));
const RegisterPage = lazy(() => import('./pages/RegisterPage'));
const AuditVerifyPage = lazy(() => import('./pages/audit/AuditVerifyPage'));
const ProfilePage = lazy(() => import('./pages/ProfilePage'));
const SchoolProfilePage = lazy(() => import('./pages/school/SchoolProfilePage'));
const HelpPage = lazy(() => import('./pages/HelpPage'));
const FollowUpPage = lazy(() => import('./pages/destinations/FollowUpPage'));
const DestinationSettingsPage = lazy(() => import('./pages/destinations/DestinationSettingsPage'));
const ApiDocsPage = lazy(() => import('./pages/ApiDocsPage'));
const NotificationsPage = lazy(() => import('./pages/notifications/NotificationsPage'));
const OutboxAdminPage = lazy(() => import('./pages/notifications/OutboxAdminPage'));
const StatisticsPage = lazy(() => import('./pages/statistics/StatisticsPage'));

function Routes() {
  const { path } = useLocation();
  if (path === '/' || path === '') return <HomePage />;
  if (path === '/password') return <ChangePasswordPage />;
  if (path === '/profile') return <ProfilePage />;
  if (path === '/notifications') return <NotificationsPage />;
  if (path === '/admin/outbox') return <OutboxAdminPage />;
  if (path === '/school/profile') return <SchoolProfilePage />;
  if (path === '/destinations/follow-up') return <FollowUpPage />;
  if (path === '/destinations/settings') return <DestinationSettingsPage />;
  if (path === '/statistics') return <StatisticsPage />;
  if (path === '/register') return <HomePage />;
  if (path === '/students/lookup') return <LookupPage />;
  if (path === '/source-records/import') return <SourceImportPage />;
  const create = match('/r/:kind/new', path);
  if (create) return <CreatePage kind={create.kind} />;
  const record = match('/r/:kind/:id', path);
  if (record) return <RecordPage key={`${record.kind}/${record.id}`} kind={record.kind} id={record.id} />;
  const list = match('/r/:kind', path);
  if (list) return <ListPage key={list.kind} kind={list.kind} />;
  if (path === '/admin/forms') return <FormsAdminPage />;
  if (path === '/audit') return <AuditVerifyPage />;
  const edited = match('/admin/forms/:key', path);
  if (edited) return <FormEditorPage key={edited.key} formKey={edited.key} />;
  const preview = match('/forms/:key', path);
  if (preview) return <FormPreviewPage formKey={preview.key} />;
  if (path === '/forms') return <HomePage />;
  return <NotFoundPage />;
}

/** A lazily loaded screen: the page's loading state until its code has arrived. */
function LazyPage({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageLoading />}>{children}</Suspense>;
}

/** Moves focus to the main heading after in-app navigation, so screen readers hear the new screen. */
function useFocusOnNavigate() {
  const { path } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const t = window.setTimeout(() => {
      const h = document.querySelector<HTMLElement>('main h1');
      if (h) {
        if (!h.hasAttribute('tabindex')) h.setAttribute('tabindex', '-1');
        h.focus({ preventScroll: true });
      }
    }, 50);
    return () => window.clearTimeout(t);
  }, [path]);
}

export function App() {
  const { status, user, error, retry } = useSession();
  const { path } = useLocation();
  useFocusOnNavigate();

  let body;
  if (status === 'loading') body = <PageLoading />;
  else if (status === 'error')
    body = (
      <main id="main" className="page">
        <Alert>{error ?? '无法连接服务器'}</Alert>
        <button type="button" className="btn" onClick={retry}>
          重试
        </button>
      </main>
    );
  else if (path === '/help')
    body = (
      <LazyPage>
        <HelpPage />
      </LazyPage>
    );
  else if (path === '/api-docs')
    body = (
      <LazyPage>
        <ApiDocsPage />
      </LazyPage>
    );
  else if ((status === 'signed-out' || !user) && path === '/register')
    body = (
      <LazyPage>
        <RegisterPage />
      </LazyPage>
    );
  else if (status === 'signed-out' || !user) body = <LoginPage />;
  else if (user.mustChangePassword) body = <ChangePasswordPage />;
  else if (user.role === 'student' && user.identityConfirmed === false) body = <IdentityPage />;
  else
    body = (
      <LazyPage>
        <Routes />
      </LazyPage>
    );

  return (
    <>
      <a href="#main" className="skip-link">
        跳到主要内容
      </a>
      <AppHeader />
      {body}
    </>
  );
}

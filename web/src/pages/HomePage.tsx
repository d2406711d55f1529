/** The start screen of each role: a student's own records, an employer's invitations, reviewers' queues, the admin's forms. */
import type { ReactNode } from 'react';
import { lifecyclesQuery } from '../api/queries';
import type { Lifecycles } from '../api/types';
import { Alert, Loading } from '../components/Alert';
import { QueueCount, RecordMiniList } from '../components/RecordMiniList';
import { useUser } from '../auth/session';
import { roleLabel } from '../auth/roles';
import { useTitle } from '../hooks';
import { Link } from '../router';
import { approvableStates } from './bulk/bulkApproveRule';
import { FORM_KEYS } from './formKeys';
import { homeModules, listsRecords, type HomeModule } from './home/modules';
import { can } from '../auth/abilities';
import { RegistrationStatus, useRegistration } from './home/RegistrationStatus';
import { createHref } from '../api/create-entry';
import { StudentHome } from './home/StudentHome';
import { ReviewerPasswordReset } from './home/ReviewerPasswordReset';
import { SchoolProfileCard } from './home/SchoolProfileCard';
import { useQuery } from '@tanstack/react-query';

/** The employer's invitation queue, in the order of the signing flow. */
const INVITATION_STATES = ['draft', 'sent', 'accepted', 'rejected', 'expired'];

function KindCard({ kind, lc, children }: { kind: string; lc: NonNullable<Lifecycles[string]>; children?: ReactNode }) {
  return (
    <section className="card home-card" aria-labelledby={`h-${kind}`}>
      <div className="card-head">
        <h2 id={`h-${kind}`}>{lc.label}</h2>
        <Link href={`/r/${kind}`} className="link-more">
          查看全部
        </Link>
      </div>
      {children ?? <RecordMiniList kind={kind} />}
    </section>
  );
}

function EmployerHome({ lcs }: { lcs: Lifecycles }) {
  const user = useUser();
  const inv = lcs['invitations'];
  const registration = useRegistration();
  // the server says whether this employer may invite now (verified by the centre); the registration status says why not
  const inviteHref = createHref('invitations', inv?.create);
  return (
    <>
      <RegistrationStatus registration={registration} />
      {inviteHref && (
        <p className="page-actions">
          <Link href={inviteHref} className="btn btn-primary">
            查找学生并发出邀约
          </Link>
        </p>
      )}
      <div className="home-grid">
        {inv && (
          <KindCard kind="invitations" lc={inv}>
            <ul className="queue-list">
              {Object.entries(inv.states)
                .filter(([state]) => INVITATION_STATES.includes(state))
                .map(([state, label]) => (
                  <li key={state}>
                    <Link href={`/r/invitations?state=${state}`} className="queue-item">
                      <span>{label}</span>
                      <QueueCount kind="invitations" state={state} />
                    </Link>
                  </li>
                ))}
            </ul>
          </KindCard>
        )}
        {homeModules(user.modules, lcs).flatMap((m) => {
          const lc = m.kind && m.kind !== 'invitations' ? lcs[m.kind] : undefined;
          return m.kind && lc ? [<KindCard key={m.key} kind={m.kind} lc={lc} />] : [];
        })}
      </div>
    </>
  );
}

function ImportCard({ module }: { module: HomeModule }) {
  return (
    <section className="card home-card" aria-labelledby="h-import">
      <h2 id="h-import">{module.label}</h2>
      <p className="muted">上传本校毕业生生源名单（CSV / Excel），为新学生创建账号和初始密码。</p>
      <Link href={module.href} className="btn btn-primary">
        导入生源
      </Link>
    </section>
  );
}

function ReviewerHome({ lcs }: { lcs: Lifecycles }) {
  const modules = homeModules(useUser().modules, lcs);
  return (
    <div className="home-grid">
      {modules.map((m) => {
        if (!m.kind)
          return m.key === 'source-import' ? (
            <ImportCard key={m.key} module={m} />
          ) : m.key === 'school-profile' ? (
            <SchoolProfileCard key={m.key} />
          ) : null;
        const kind = m.kind;
        const lc = lcs[kind];
        if (!lc) return null;
        const queue = approvableStates(lc);
        const mine = Object.keys(lc.states).filter((s) => queue.includes(s));
        return (
          <KindCard key={kind} kind={kind} lc={lc}>
            {mine.length > 0 && (
              <ul className="queue-list queue-main" aria-label="待我审核">
                {mine.map((state) => (
                  <li key={state}>
                    <Link href={`/r/${kind}?state=${state}`} className="queue-item queue-item-main">
                      <span>{lc.states[state]}</span>
                      <QueueCount kind={kind} state={state} />
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            <ul className="chip-list" aria-label="按状态查看">
              {Object.entries(lc.states)
                .filter(([s]) => !mine.includes(s))
                .map(([state, label]) => (
                  <li key={state}>
                    <Link href={`/r/${kind}?state=${state}`} className="chip">
                      {label}
                    </Link>
                  </li>
                ))}
            </ul>
          </KindCard>
        );
      })}
    </div>
  );
}

function AdminHome() {
  const user = useUser();
  return (
    <>
      <section className="card" aria-labelledby="h-forms">
        <h2 id="h-forms">表单定义</h2>
        <p>
          {homeModules(user.modules, {}).map((m, i) => (
            <span key={m.key}>
              <Link href={m.href} className={i === 0 ? 'btn btn-primary' : 'btn'}>
                {m.label}
              </Link>{' '}
            </span>
          ))}
        </p>
        <ul className="mini-list">
          {FORM_KEYS.map(([key, label]) => (
            <li key={key}>
              <Link href={`/forms/${key}`} className="mini-item">
                <span className="mini-title">{label}</span>
                <span className="mini-sub">预览表单</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {can(user, 'reset_reviewer_password') && <ReviewerPasswordReset />}
    </>
  );
}

export function HomePage() {
  const user = useUser();
  useTitle('首页');
  // an account with no record lists (the admin) has no lifecycles to ask for
  const lists = listsRecords(user.modules);
  const lcs = useQuery(lifecyclesQuery(user.id, lists));
  const data = lists ? lcs.data : {};
  const error = lists ? lcs.error : null;
  const loading = lists && lcs.isPending;
  return (
    <main id="main" className="page">
      <h1 className="page-title">
        {user.displayName}，您好 <span className="muted small">{roleLabel(user.role)}</span>
      </h1>
      {error && <Alert>{error.message}</Alert>}
      {loading && !data && <Loading />}
      {data &&
        (user.role === 'student' ? (
          <StudentHome lcs={data} />
        ) : user.role === 'employer' ? (
          <EmployerHome lcs={data} />
        ) : user.role === 'admin' ? (
          <AdminHome />
        ) : (
          <ReviewerHome lcs={data} />
        ))}
    </main>
  );
}

/**
 * Where a record raises a question the 常见问题 answers: an invitation that lapsed or was refused
 * (may the employer invite again?), an offline agreement, an agreement that may be terminated,
 * a termination; and the agreement's PDF with how to print and stamp it.
 */
import type { RecordView } from '../../api/types';
import { PRINT_STEPS } from '../../help/faq';
import { HelpLink } from '../../help/HelpLink';

export function RecordHelp({ kind, record }: { kind: string; record: RecordView }) {
  const links = [];
  if (kind === 'invitations' && (record.state === 'expired' || record.state === 'rejected')) {
    links.push(
      <HelpLink key="inv" id="invitation-declined-or-expired">
        {record.state === 'expired' ? '邀约已逾期，还能再次发送邀约吗？' : '邀约被拒绝，还能再次发送邀约吗？'}
      </HelpLink>,
    );
  }
  if (kind === 'agreements' && record.mode === 'offline') {
    links.push(<HelpLink key="off" id="offline-flow" />);
    links.push(<HelpLink key="offfix" id="offline-correction" />);
  }
  if (kind === 'agreements' && record.state === 'approved') {
    links.push(
      <HelpLink key="term" id={record.mode === 'offline' ? 'offline-termination' : 'online-termination'}>
        解约怎么办理？
      </HelpLink>,
    );
  }
  if (kind === 'terminations') {
    links.push(<HelpLink key="t1" id="online-termination" />);
    links.push(<HelpLink key="t2" id="offline-termination" />);
  }
  if (links.length === 0) return null;
  return (
    <nav className="help-links" aria-label="常见问题">
      {links}
    </nav>
  );
}

export function AgreementPdfDownload({ id }: { id: string }) {
  return (
    <section className="card pdf-download" aria-labelledby="h-pdf">
      <h2 id="h-pdf">电子协议书</h2>
      <p className="page-actions">
        <a className="btn" href={`/api/agreements/${encodeURIComponent(id)}/pdf`} target="_blank" rel="noopener">
          下载协议书 PDF
        </a>
      </p>
      <p className="muted">打印与盖章：</p>
      <ol className="print-steps">
        {PRINT_STEPS.map((step) => (
          <li key={step}>{step}</li>
        ))}
      </ol>
      <HelpLink id="print-agreement" />
    </section>
  );
}

/** On the create page: the flow the new record starts (a termination, an offline agreement). */
export function CreateHelp({ kind, mode }: { kind: string; mode?: string }) {
  if (kind === 'terminations') {
    return (
      <nav className="help-links" aria-label="常见问题">
        <HelpLink id="online-termination" />
        <HelpLink id="offline-termination" />
      </nav>
    );
  }
  if (kind === 'agreements' && mode === 'offline') {
    return (
      <nav className="help-links" aria-label="常见问题">
        <HelpLink id="offline-flow" />
      </nav>
    );
  }
  return null;
}

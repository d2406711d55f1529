/**
 * 邀约条款: the terms a student accepts — 单位, 岗位, 工作地点, 薪酬, 试用期, 服务期, 违约金, 应约截止 —
 * with the form's own labels and its reading of each value (code → label, region → name, units).
 * Shown first on the invitation, and again in the accept dialog.
 */
import type { RecordView } from '../../api/types';
import { findField, type FormDefinition } from '../../form-renderer/engine';
import { ReadValue } from '../../form-renderer/ReadValue';

/** The agreement form's keys of the terms, in the order a student reads them. */
export const TERM_KEYS = [
  'employerName',
  'jobTitle',
  'workRegion',
  'monthlySalary',
  'probationMonths',
  'contractYears',
  'penalty',
  'deadline',
] as const;

interface Props {
  definition: FormDefinition;
  data: Record<string, unknown>;
  /** keys the employer changed since the student last saw the invitation: marked 已修改 */
  changed?: ReadonlyArray<string>;
  /** a page section with its own heading, or the bare list (inside the dialog) */
  variant?: 'card' | 'plain';
  title?: string;
}

export function InvitationTerms({ definition, data, changed = [], variant = 'card', title = '邀约条款' }: Props) {
  const rows = TERM_KEYS.flatMap((key) => {
    const field = findField(definition, key);
    return field ? [{ key, field }] : [];
  });
  const list = (
    <dl className="terms-list" data-testid="invitation-terms">
      {rows.map(({ key, field }) => (
        <div key={key} className={`terms-item${changed.includes(key) ? ' terms-changed' : ''}`}>
          <dt>{field.label}</dt>
          <dd>
            <ReadValue def={definition} field={field} value={data[key]} />
            {changed.includes(key) && <span className="terms-flag">已修改</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
  if (variant === 'plain') return list;
  return (
    <section className="card terms-card" aria-labelledby="terms-title">
      <h2 id="terms-title">{title}</h2>
      {list}
    </section>
  );
}

export function changedKeys(record: Pick<RecordView, 'termsChanges'>): string[] {
  return (record.termsChanges ?? []).map((c) => c.key);
}

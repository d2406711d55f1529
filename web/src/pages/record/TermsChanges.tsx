/**
 * What the employer changed since the student last saw it, field by field (the server decides
 * which fields: `termsChanges` of the record answer). An amendment compares with the signed agreement.
 */
import type { RecordView } from '../../api/types';
import { findField, type FormDefinition } from '../../form-renderer/engine';
import { ChangedValue } from './ChangedValue';

interface Props {
  kind: string;
  changes: NonNullable<RecordView['termsChanges']>;
  definition: FormDefinition;
  /** a smaller heading inside the accept dialog */
  compact?: boolean;
}

export function TermsChanges({ kind, changes, definition, compact = false }: Props) {
  if (changes.length === 0) return null;
  const amendment = kind === 'amendments';
  const title = amendment ? `本次修改的内容（${changes.length} 处）` : `单位在您上次查看后修改了邀约（${changes.length} 处）`;
  const Heading = compact ? 'h3' : 'h2';
  return (
    <section
      className={`terms-changes${compact ? ' terms-changes-compact' : ' card'}`}
      aria-labelledby={compact ? 'terms-changes-dialog-title' : 'terms-changes-title'}
      data-testid="terms-changes"
    >
      <Heading id={compact ? 'terms-changes-dialog-title' : 'terms-changes-title'}>{title}</Heading>
      {!compact && (
        <p className="muted small">
          {amendment ? '以下为与您已签协议书相比的变化，请逐项核对后再决定是否同意。' : '请逐项核对修改前后的内容，确认无误后再应约。'}
        </p>
      )}
      <ul className="terms-diff">
        {changes.map((c) => {
          const f = findField(definition, c.key);
          return (
            <li key={c.key}>
              <span className="terms-diff-label">{f?.label ?? c.label}</span>
              <span className="terms-diff-before">
                <span className="terms-diff-tag">修改前</span>
                <del>
                  <ChangedValue definition={definition} field={f} value={c.before} />
                </del>
              </span>
              <span className="terms-diff-after">
                <span className="terms-diff-tag">修改后</span>
                <ins>
                  <ChangedValue definition={definition} field={f} value={c.after} />
                </ins>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

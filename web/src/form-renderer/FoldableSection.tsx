/**
 * A section of a read-only record that folds: on phones it starts closed with a one-line summary
 * of its first values (so a long record opens as its key facts and a list of section titles), and
 * opens with a tap; on wider screens it starts open. Editing never folds (FormRenderer).
 */
import { useState, type ReactNode } from 'react';
import { codeLabel, regionFullName, type FieldDef, type FormDefinition } from './engine';
import { isBlank } from './ReadValue';

/** the phone breakpoint of styles.css */
const PHONE = '(max-width: 600px)';

export function startsFolded(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function' && window.matchMedia(PHONE).matches;
}

/** A value as a short plain text for the summary line; null when it says nothing at a glance. */
export function valueText(def: FormDefinition, field: FieldDef, value: unknown): string | null {
  if (isBlank(value)) return null;
  switch (field.type) {
    case 'select':
    case 'radio': {
      const codes = Array.isArray(value) ? value : [value];
      return codes.map((c) => (field.codeTable ? codeLabel(def, field.codeTable, c) : null) ?? String(c)).join('、');
    }
    case 'region':
      return regionFullName(value) || String(value);
    case 'number':
      return `${String(value)}${field.unit ? ` ${field.unit}` : ''}`;
    case 'file':
    case 'group':
      return null;
    default: {
      const text = String(value).replace(/\s+/g, ' ');
      return text.length > 24 ? `${text.slice(0, 24)}…` : text;
    }
  }
}

/** 「李思远 · 男 · 江苏示范大学 等 12 项」: the first values of a section, and how many are filled. */
export function sectionSummary(def: FormDefinition, fields: Array<{ field: FieldDef; value: unknown }>, take = 3): string {
  const texts = fields.map(({ field, value }) => valueText(def, field, value)).filter((t): t is string => t !== null);
  const filled = fields.filter(({ value }) => !isBlank(value)).length;
  if (filled === 0) return '未填写';
  const head = texts.slice(0, take).join(' · ');
  if (!head) return `已填写 ${filled} 项`;
  return filled > Math.min(take, texts.length) ? `${head} 等 ${filled} 项` : head;
}

export function FoldableSection({
  label,
  description,
  summary,
  children,
}: {
  label: string;
  description?: string;
  summary: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(() => !startsFolded());
  return (
    <details className="form-section form-fold" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="form-fold-head">
        <span className="form-fold-title">{label}</span>
        {!open && <span className="form-fold-line">{summary}</span>}
      </summary>
      {description && <p className="section-desc">{description}</p>}
      {children}
    </details>
  );
}

/**
 * The layout of a small form of text fields saved as a whole (基本信息's 联系方式, 学校信息, 确认身份),
 * the same on every page: heading and what the form is for, the form's own error, the field rows
 * (a row may put two fields side by side), the button, and the saved message beside it. The values,
 * checks and save come from useTextFieldsForm.
 */
import type { InputHTMLAttributes, ReactNode } from 'react';
import { Alert } from './Alert';
import { ResultNotice } from './ResultNotice';
import { TextInput } from './TextInput';
import type { TextFieldsForm } from './useTextFieldsForm';

/** One field: which value it edits, its label, and the input's own attributes (type, autoComplete, maxLength…). */
export type SectionField<K extends string> = Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange'> & {
  field: K;
  label: string;
  hint?: string;
};

/** A field on its own row, or fields side by side in a row of this class. */
export type SectionRow<K extends string> = SectionField<K> | { className: string; fields: SectionField<K>[] };

interface Props<K extends string> {
  form: TextFieldsForm<K>;
  title: ReactNode;
  titleId: string;
  /** h2 inside a page that has its own title; h1 where the form is the page (确认身份) */
  heading?: 'h1' | 'h2';
  className: string;
  /** what the form is for, between the heading and the fields */
  intro?: ReactNode;
  rows: SectionRow<K>[];
  submitLabel?: string;
  busyLabel?: string;
  /** a full-width button, as on the sign-in pages */
  block?: boolean;
  /** false where a successful save leaves the page, so there is no saved message to show */
  notice?: boolean;
}

export function FormSection<K extends string>({
  form,
  title,
  titleId,
  heading: Heading = 'h2',
  className,
  intro,
  rows,
  submitLabel = '保存',
  busyLabel = '正在保存…',
  block = false,
  notice = true,
}: Props<K>) {
  const { values, errors, saved, busy, ref, set, submit } = form;
  if (!values) return null;
  const input = ({ field, ...attributes }: SectionField<K>) => (
    <TextInput key={field} ref={ref(field)} value={values[field]} onChange={set(field)} error={errors[field]} {...attributes} />
  );
  return (
    <form className={className} onSubmit={(e) => void submit(e)} noValidate aria-labelledby={titleId}>
      <Heading id={titleId}>{title}</Heading>
      {intro}
      <Alert>{errors.form}</Alert>
      {rows.map((row) =>
        'fields' in row ? (
          <div key={row.fields.map((f) => f.field).join()} className={row.className}>
            {row.fields.map(input)}
          </div>
        ) : (
          input(row)
        ),
      )}
      <button type="submit" className={`btn btn-primary${block ? ' btn-block' : ''}`} disabled={busy}>
        {busy ? busyLabel : submitLabel}
      </button>
      {notice && <ResultNotice notice={saved ? { tone: 'ok', text: saved } : null} />}
    </form>
  );
}

/**
 * Turns a rule's template into the title and body a person reads. Only the placeholders below
 * exist, and none of them is an identifier; a reason is free text a reviewer typed, so anything in
 * the result shaped like a 身份证号 or a mobile number is masked as well — no message carries one.
 */
import { maskIdNumber, maskPhone } from '../../../forms/engine';
import { str } from '../definitions/shared';

export const PLACEHOLDERS = ['employer', 'job', 'student', 'deadline', 'number', 'reason', 'step', 'actor'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type TemplateValues = Partial<Record<Placeholder, string | null | undefined>>;

/** What the placeholders stand for, taken from a record's data and the event. */
export function valuesOf(
  record: { data: Record<string, unknown>; deadline?: string | null; number?: string | null },
  event: { reason?: string | null; step?: string; actor?: string },
): TemplateValues {
  const d = record.data;
  return {
    employer: str(d.employerName),
    job: str(d.jobTitle),
    student: str(d.name),
    deadline: record.deadline ?? str(d.deadline),
    number: record.number ?? '',
    reason: event.reason ?? '',
    step: event.step ?? '',
    actor: event.actor ?? '',
  };
}

const ID_NUMBER = /(?<![0-9])[0-9]{17}[0-9Xx](?![0-9A-Za-z])/g;
const MOBILE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;

/** Masks what looks like a 身份证号 or a mobile number as the product masks them everywhere (last 4 kept). */
export function maskIdentifiers(text: string): string {
  return text.replace(ID_NUMBER, (m) => maskIdNumber(m)).replace(MOBILE, (m) => maskPhone(m));
}

export function render(template: string, values: TemplateValues): string {
  const text = template.replace(/\{(\w+)\}/g, (_m, key: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(key)) throw new Error(`unknown placeholder {${key}} in a notification template`);
    return values[key as Placeholder] || (key === 'reason' ? '未说明' : '');
  });
  return maskIdentifiers(text);
}

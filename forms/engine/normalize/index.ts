/**
 * One normalisation step for values as people type them, run by validate() before the type checks,
 * so a form and the roster import accept exactly the same things:
 *
 *  - codes: the code, the label or an alias of the code table (男 → 1, 汉 → 01, 大专 → 41);
 *  - regions: a 6-digit code or a name (江苏 南京 玄武区 → 320102); a name shared by several
 *    regions is an error naming them;
 *  - dates: 2005/3/14, 2005.03.14, 20050314, 2005年3月14日 → 2005-03-14;
 *  - numbers, ID numbers, credit codes, e-mails, phones: full-width characters made half-width;
 *    ID numbers without spaces and with a capital X; phones without separators or +86.
 *
 * A value it cannot read is passed on unchanged, for the type check to refuse with its message.
 */
import { resolveCodeTable } from '../codes';
import { regionFullName } from '../regions';
import type { FieldDef, FieldError, FormDefinition } from '../types';
import { codeForText } from './code-labels';
import { normalizeDate } from './dates';
import { normalizeIdText } from './id-number';
import { normalizePhone } from './phone';
import { regionCodesForName } from './region-names';
import { toHalfWidth } from './width';

export interface Normalized {
  value: unknown;
  error?: Omit<FieldError, 'path'>;
}

const SIX_DIGITS = /^\d{6}$/;
const MAX_CANDIDATES = 8;

function halfWidthTrimmed(value: unknown): unknown {
  return typeof value === 'string' ? toHalfWidth(value).trim() : value;
}

function normalizeCode(field: FieldDef, value: unknown, def: FormDefinition | null): unknown {
  const table = field.codeTable ? resolveCodeTable(def, field.codeTable) : undefined;
  if (!table) return value;
  const one = (v: unknown) => codeForText(table, v) ?? v;
  return Array.isArray(value) ? value.map(one) : one(value);
}

function normalizeRegion(field: FieldDef, value: unknown): Normalized {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return { value: String(value) };
  if (typeof value !== 'string') return { value };
  const text = toHalfWidth(value).trim();
  if (SIX_DIGITS.test(text) || text === '') return { value: text };
  const codes = regionCodesForName(text);
  if (codes.length === 1) return { value: codes[0] };
  if (codes.length > 1) {
    const names = codes.slice(0, MAX_CANDIDATES).map(regionFullName).join('、');
    const more = codes.length > MAX_CANDIDATES ? ` 等 ${codes.length} 处` : '';
    return { value: text, error: { code: 'region', message: `${field.label}「${text}」有多个同名地区：${names}${more}，请写明省、市` } };
  }
  return {
    value: text,
    error: { code: 'region', message: `${field.label}「${text}」不是可识别的地区，请写省、市、区县名称（如 江苏省南京市玄武区）` },
  };
}

/** The value read as the field's type expects it, or an error when the reading itself fails. */
export function normalizeValue(field: FieldDef, value: unknown, def: FormDefinition | null): Normalized {
  switch (field.type) {
    case 'select':
    case 'radio':
      return { value: normalizeCode(field, value, def) };
    case 'region':
      return normalizeRegion(field, value);
    case 'date':
      return { value: normalizeDate(value) };
    case 'phone':
      return { value: normalizePhone(value) };
    case 'idNumber':
    case 'creditCode':
      return { value: normalizeIdText(value) };
    case 'number':
    case 'email':
      return { value: halfWidthTrimmed(value) };
    case 'text':
      // patterned text (学号, 考生号, 邮编) is typed with the same input method
      return { value: field.pattern && field.pattern !== 'chineseName' ? halfWidthTrimmed(value) : value };
    default:
      return { value };
  }
}

export { toHalfWidth, compactText } from './width';
export { normalizeDate } from './dates';
export { normalizePhone } from './phone';
export { normalizeIdText } from './id-number';
export { codeForText, acceptedLabels } from './code-labels';
export { regionCodesForName } from './region-names';
export { acceptedText } from './accepted';

/**
 * Type checks and normalisation of one present (non-missing) value of a non-group field.
 * Each check returns the value to store — e.g. a number parsed from '12', an ID number with an
 * upper-case X — and at most one error, so users fix one thing at a time.
 */
import { resolveCodeTable, findCode } from './codes';
import { isCalendarDate } from './dates';
import { normalizeValue } from './normalize';
import { isValidRegion } from './regions';
import { toNumber } from './rules';
import type { FieldDef, FieldError, FormDefinition } from './types';
import { charLength } from './values';
import { isValidCreditCode, normalizeCreditCode } from './validators/credit-code';
import { isValidIdNumber, normalizeIdNumber } from './validators/id-number';
import { isEmail, isMobile, matchesPreset, PRESET_PATTERN_MESSAGES } from './validators/phone';

/** Hard caps when a definition sets none, so no field stores an unbounded string. */
export const DEFAULT_MAX_LENGTH = { text: 500, textarea: 5000, other: 200 } as const;
export const DEFAULT_MAX_FILES = 5;
const MAX_FILE_ID_LENGTH = 128;

export interface ValueContext {
  def: FormDefinition;
  today: string;
}

export interface CheckedValue {
  value: unknown;
  error?: Omit<FieldError, 'path'>;
}

type Checker = (field: FieldDef, value: unknown, ctx: ValueContext) => CheckedValue;

function fail(value: unknown, code: FieldError['code'], message: string): CheckedValue {
  return { value, error: { code, message } };
}

/** Numbers arrive from spreadsheets for phone numbers, codes and regions; read them as text. */
function asText(value: unknown): string | null {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return String(value);
  return null;
}

function checkLength(field: FieldDef, text: string, fallbackMax: number): CheckedValue | null {
  const max = typeof field.maxLength === 'number' ? field.maxLength : fallbackMax;
  // A string longer in UTF-16 units than twice the cap cannot fit; skip counting it.
  const length = text.length > max * 2 ? Number.POSITIVE_INFINITY : charLength(text);
  if (length > max) return fail(text, 'maxLength', `${field.label}最多 ${max} 个字`);
  if (typeof field.minLength === 'number' && length < field.minLength) {
    return fail(text, 'minLength', `${field.label}至少 ${field.minLength} 个字`);
  }
  return null;
}

const checkText: Checker = (field, value) => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string') return fail(value, 'type', `${field.label}应为文字`);
  const fallback = field.type === 'textarea' ? DEFAULT_MAX_LENGTH.textarea : DEFAULT_MAX_LENGTH.text;
  const lengthError = checkLength(field, text, fallback);
  if (lengthError) return lengthError;
  if (field.pattern && !matchesPreset(field.pattern, text)) {
    const message = Object.hasOwn(PRESET_PATTERN_MESSAGES, field.pattern) ? PRESET_PATTERN_MESSAGES[field.pattern] : '格式不正确';
    return fail(text, 'pattern', message);
  }
  return { value: text };
};

function decimalsOk(n: number, decimals: number): boolean {
  return Number(n.toFixed(decimals)) === n;
}

const checkNumber: Checker = (field, value) => {
  const n = typeof value === 'boolean' ? null : toNumber(value);
  if (n === null) return fail(value, 'type', `${field.label}应为数字`);
  const decimals = typeof field.decimals === 'number' ? field.decimals : 0;
  if (!decimalsOk(n, Math.min(Math.max(decimals, 0), 20))) {
    return fail(n, 'type', decimals === 0 ? `${field.label}应为整数` : `${field.label}最多 ${decimals} 位小数`);
  }
  if (typeof field.min === 'number' && n < field.min) return fail(n, 'min', `${field.label}不能小于 ${field.min}`);
  if (typeof field.max === 'number' && n > field.max) return fail(n, 'max', `${field.label}不能大于 ${field.max}`);
  return { value: n };
};

/** A date bound: 'YYYY-MM-DD', or 'today'. */
export function dateBound(bound: unknown, today: string): string | null {
  if (bound === 'today') return today;
  return isCalendarDate(bound) ? bound : null;
}

const checkDate: Checker = (field, value, ctx) => {
  if (!isCalendarDate(value)) return fail(value, 'date', `${field.label}应为有效日期（年-月-日）`);
  const min = dateBound(field.min, ctx.today);
  const max = dateBound(field.max, ctx.today);
  if (min && value < min) return fail(value, 'min', `${field.label}不能早于 ${min}`);
  if (max && value > max) return fail(value, 'max', `${field.label}不能晚于 ${max}`);
  return { value };
};

const checkCode: Checker = (field, value, ctx) => {
  const table = field.codeTable ? resolveCodeTable(ctx.def, field.codeTable) : undefined;
  if (!table) return fail(value, 'code', `${field.label}的选项表不存在，请联系管理员`);
  if (field.multiple && field.type === 'select') {
    if (!Array.isArray(value)) return fail(value, 'type', `${field.label}应为多个选项`);
    const codes = value.map(asText);
    if (codes.some((c) => c === null || !findCode(table, c))) return fail(value, 'code', `${field.label}包含无效的选项`);
    if (new Set(codes).size !== codes.length) return fail(codes, 'code', `${field.label}有重复的选项`);
    return { value: codes };
  }
  const code = asText(value);
  if (code === null || !findCode(table, code)) return fail(value, 'code', `请从列表中选择${field.label}`);
  return { value: code };
};

const checkRegion: Checker = (field, value) => {
  const code = asText(value);
  if (code === null || !isValidRegion(code, field.regionLevel ?? 'district')) {
    const depth = field.regionLevel === 'province' ? '省' : field.regionLevel === 'city' ? '市' : '区县';
    return fail(value, 'region', `请选择${field.label}（至少到${depth}级）`);
  }
  return { value: code };
};

/**
 * The messages name the field by its label and say what kind of value it takes only when the label
 * does not already say it: 「身份证号无效，请逐位核对」, never 「身份证号不是有效的身份证号」.
 */
const names = (field: FieldDef, word: RegExp) => word.test(field.label);

const checkPhone: Checker = (field, value) => {
  const text = asText(value)?.replace(/[\s-]/g, '') ?? null;
  if (text === null || !isMobile(text))
    return fail(value, 'phone', `${field.label}应为 11 位${names(field, /手机/) ? '数字' : '手机号码'}`);
  return { value: text };
};

const checkIdNumber: Checker = (field, value, ctx) => {
  if (typeof value !== 'string') return fail(value, 'idNumber', `${field.label}应为 18 位${names(field, /身份证/) ? '' : '身份证号'}`);
  const id = normalizeIdNumber(value);
  if (!isValidIdNumber(id, ctx.today))
    return fail(id, 'idNumber', names(field, /身份证/) ? `${field.label}无效，请逐位核对` : `${field.label}不是有效的身份证号，请逐位核对`);
  return { value: id };
};

const checkCreditCode: Checker = (field, value) => {
  if (typeof value !== 'string')
    return fail(value, 'creditCode', `${field.label}应为 18 位${names(field, /信用代码/) ? '' : '统一社会信用代码'}`);
  const code = normalizeCreditCode(value);
  if (!isValidCreditCode(code))
    return fail(
      code,
      'creditCode',
      names(field, /信用代码/) ? `${field.label}无效（校验位不符），请逐位核对` : `${field.label}不是有效的统一社会信用代码，请逐位核对`,
    );
  return { value: code };
};

const checkEmail: Checker = (field, value) => {
  if (typeof value !== 'string') return fail(value, 'email', `${field.label}格式不正确`);
  const lengthError = checkLength(field, value, DEFAULT_MAX_LENGTH.other);
  if (lengthError) return lengthError;
  if (!isEmail(value)) return fail(value, 'email', `${field.label}格式不正确`);
  return { value };
};

const checkFiles: Checker = (field, value) => {
  if (!Array.isArray(value)) return fail(value, 'file', `${field.label}应为已上传的文件`);
  const max = typeof field.maxFiles === 'number' ? field.maxFiles : DEFAULT_MAX_FILES;
  if (value.length > max) return fail(value, 'file', `${field.label}最多上传 ${max} 个文件`);
  const ok = value.every((id) => typeof id === 'string' && id.trim() !== '' && id.length <= MAX_FILE_ID_LENGTH);
  if (!ok) return fail(value, 'file', `${field.label}包含无效的文件`);
  const ids = (value as string[]).map((id) => id.trim());
  if (new Set(ids).size !== ids.length) return fail(ids, 'file', `${field.label}有重复的文件`);
  return { value: ids };
};

const CHECKERS: Record<Exclude<FieldDef['type'], 'group'>, Checker> = {
  text: checkText,
  textarea: checkText,
  number: checkNumber,
  date: checkDate,
  select: checkCode,
  radio: checkCode,
  region: checkRegion,
  phone: checkPhone,
  idNumber: checkIdNumber,
  creditCode: checkCreditCode,
  email: checkEmail,
  file: checkFiles,
};

/** Reads a present value of a non-group field as typed (normalize/), then checks it. */
export function checkFieldValue(field: FieldDef, value: unknown, ctx: ValueContext): CheckedValue {
  const checker = Object.hasOwn(CHECKERS, field.type) ? CHECKERS[field.type as keyof typeof CHECKERS] : undefined;
  if (!checker) return fail(value, 'type', `${field.label}的类型无法识别`);
  const normalized = normalizeValue(field, value, ctx.def);
  if (normalized.error) return { value: normalized.value, error: normalized.error };
  return checker(field, normalized.value, ctx);
}

/** '请选择' for pickers, '请填写' for inputs, '请上传' for files. */
export function requiredMessage(field: FieldDef): string {
  if (field.type === 'file') return `请上传${field.label}`;
  if (['select', 'radio', 'region', 'date'].includes(field.type)) return `请选择${field.label}`;
  if (field.type === 'group') return `请至少添加一条${field.label}`;
  return `请填写${field.label}`;
}

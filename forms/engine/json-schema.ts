/**
 * A form definition as JSON Schema (draft 2020-12), for the API's OpenAPI document: each field's
 * type, length and number bounds, code-table options, and the fields every complete record holds.
 *
 * What a JSON Schema cannot say, and the engine (`validate`) still checks on the server:
 *  - `visibleWhen` / `requiredWhen` / `computed` rules and the form's cross-field `checks`: the
 *    schema lists such fields as optional and says so in their description;
 *  - access by workflow step and role: a step sends only the fields its role may edit, so a body
 *    can leave out a field listed as required; a reader is shown only what they may read;
 *  - check digits (身份证号, 统一社会信用代码), region codes, preset patterns, date bounds relative
 *    to today, and code tables larger than `MAX_ENUM` (then only the table is named).
 * `mode: 'read'` describes answers: every value may be null or absent, masked (身份证号 shown as
 * 3201**********1234) or from an older version of the form, so only types are given.
 */
import { resolveCodeTable, findCode } from './codes';
import { DEFAULT_MAX_FILES, DEFAULT_MAX_LENGTH } from './field-value';
import { allFields, fieldEntries } from './fields';
import type { CodeItem, FieldDef, FormDefinition } from './types';
import { uncheckedList, type Unchecked } from './unchecked';

export type JsonSchema = { [key: string]: unknown };

/** Code tables with more options than this are named, not listed (单位行业 has over a thousand). */
export const MAX_ENUM = 200;

export interface FormSchemaOptions {
  mode: 'write' | 'read';
}

function codesOf(def: FormDefinition, field: FieldDef): string[] | null {
  const table = field.codeTable ? resolveCodeTable(def, field.codeTable) : undefined;
  if (!table) return null;
  const out: string[] = [];
  const visit = (items: CodeItem[] | undefined, depth: number) => {
    if (depth > 8) return;
    for (const item of uncheckedList(items)) {
      if (item && typeof item.code === 'string' && findCode(table, item.code) === item) out.push(item.code);
      visit(item?.children, depth + 1);
    }
  };
  visit(table.items, 0);
  return out.length <= MAX_ENUM ? out : null;
}

function conditional(field: FieldDef): boolean {
  return field.visibleWhen !== undefined || field.requiredWhen !== undefined;
}

function describe(field: FieldDef, def: FormDefinition): string | undefined {
  const notes: string[] = [];
  if (field.help) notes.push(field.help);
  if (field.visibleWhen !== undefined) notes.push('按条件显示');
  if (field.requiredWhen !== undefined) notes.push('按条件必填');
  if (field.computed !== undefined) notes.push('由服务器计算');
  if (field.codeTable) {
    const table = resolveCodeTable(def, field.codeTable);
    notes.push(`选项：代码表 ${field.codeTable}${table ? `（${table.label}）` : ''}`);
  }
  if (field.type === 'region') notes.push('行政区划代码');
  if (field.type === 'file') notes.push('已上传文件的编号（POST /api/files）');
  return notes.length ? notes.join('；') : undefined;
}

function valueSchema(field: FieldDef, def: FormDefinition, mode: FormSchemaOptions['mode']): JsonSchema {
  const write = mode === 'write';
  const text = (fallback: number): JsonSchema =>
    write
      ? {
          type: 'string',
          maxLength: typeof field.maxLength === 'number' ? field.maxLength : fallback,
          ...(typeof field.minLength === 'number' ? { minLength: field.minLength } : {}),
        }
      : { type: 'string' };
  switch (field.type) {
    case 'text':
      return text(DEFAULT_MAX_LENGTH.text);
    case 'textarea':
      return text(DEFAULT_MAX_LENGTH.textarea);
    case 'phone':
      return write ? { type: 'string', pattern: '^1[3-9]\\d{9}$' } : { type: 'string' };
    case 'idNumber':
    case 'creditCode':
      return write ? { type: 'string', minLength: 18, maxLength: 18 } : { type: 'string' };
    case 'email':
      return write ? { type: 'string', format: 'email', maxLength: DEFAULT_MAX_LENGTH.other } : { type: 'string' };
    case 'date':
      return write ? { type: 'string', format: 'date' } : { type: 'string' };
    case 'region':
      return { type: 'string' };
    case 'number': {
      if (!write) return { type: 'number' };
      const out: JsonSchema = { type: (field.decimals ?? 0) === 0 ? 'integer' : 'number' };
      if (typeof field.min === 'number') out.minimum = field.min;
      if (typeof field.max === 'number') out.maximum = field.max;
      return out;
    }
    case 'select':
    case 'radio': {
      const codes = write ? codesOf(def, field) : null;
      const one: JsonSchema = codes ? { type: 'string', enum: codes } : { type: 'string' };
      return field.type === 'select' && field.multiple ? { type: 'array', items: one, ...(write ? { uniqueItems: true } : {}) } : one;
    }
    case 'file':
      return write
        ? { type: 'array', items: { type: 'string' }, maxItems: field.maxFiles ?? DEFAULT_MAX_FILES }
        : { type: 'array', items: { type: 'string' } };
    case 'group': {
      const rows = objectSchema(uncheckedList(field.fields), def, mode);
      const out: JsonSchema = { type: 'array', items: rows };
      if (write && typeof field.minItems === 'number') out.minItems = field.minItems;
      if (write && typeof field.maxItems === 'number') out.maxItems = field.maxItems;
      return out;
    }
    default:
      return {};
  }
}

function fieldSchema(field: FieldDef, def: FormDefinition, mode: FormSchemaOptions['mode']): JsonSchema {
  const value = valueSchema(field, def, mode);
  const out: JsonSchema = { title: field.label, ...value };
  // an answer may carry null where nothing was given
  if (mode === 'read' && typeof value.type === 'string') out.type = [value.type, 'null'];
  const description = describe(field, def);
  if (description) out.description = description;
  if (field.computed !== undefined) out.readOnly = true;
  return out;
}

function objectSchema(fields: readonly Unchecked<FieldDef>[], def: FormDefinition, mode: FormSchemaOptions['mode']): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const field of fields) {
    if (!field || typeof field.key !== 'string') continue;
    properties[field.key] = fieldSchema(field, def, mode);
    if (mode === 'write' && field.required === true && !conditional(field) && field.computed === undefined) required.push(field.key);
  }
  return { type: 'object', properties, ...(required.length ? { required } : {}) };
}

/** The JSON Schema of a record's `data` under this form definition. */
export function formJsonSchema(def: FormDefinition, options: FormSchemaOptions = { mode: 'write' }): JsonSchema {
  const conditionalSections = new Set(
    fieldEntries(def)
      .filter((e) => e.section.visibleWhen !== undefined)
      .map((e) => e.field.key),
  );
  const fields = allFields(def);
  const schema = objectSchema(fields, def, options.mode);
  if (Array.isArray(schema.required)) schema.required = (schema.required as string[]).filter((k) => !conditionalSections.has(k));
  if (Array.isArray(schema.required) && (schema.required as string[]).length === 0) delete schema.required;
  return {
    title: def.title,
    description:
      options.mode === 'write'
        ? `${def.title}的字段。每个环节只提交该角色可填写的字段；“必填”指完整记录应有的字段，按条件显示、按条件必填和跨字段校验由服务器检查。`
        : `${def.title}的字段，按读者的权限显示（部分字段可能脱敏或不出现）；记录可能来自表单的较早版本。`,
    ...schema,
  };
}

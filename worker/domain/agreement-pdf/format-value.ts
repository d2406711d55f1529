/**
 * A field's stored value as printed on the agreement: code-table labels instead of codes, full
 * region names, numbers with their unit. An unknown code is printed as stored, so nothing silently
 * disappears from a signed document.
 */
import { codeLabel, regionFullName } from '../../../forms/engine';
import type { FieldDef, FormDefinition } from '../../../forms/engine/types';

const isEmpty = (v: unknown) => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function formatNumber(field: FieldDef, value: unknown): string {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isFinite(n)) return String(value);
  const decimals = typeof field.decimals === 'number' ? Math.min(Math.max(field.decimals, 0), 6) : 0;
  // 12000 → "12000", 3.5 → "3.5": no trailing zeros, no thousands separators (as on paper forms)
  const text = String(Number(n.toFixed(decimals)));
  return field.unit ? `${text} ${field.unit}` : text;
}

function formatCode(def: FormDefinition, field: FieldDef, value: unknown): string {
  const one = (code: unknown) => (field.codeTable ? codeLabel(def, field.codeTable, code) : null) ?? String(code);
  return Array.isArray(value) ? value.map(one).join('、') : one(value);
}

export function formatValue(def: FormDefinition, field: FieldDef, value: unknown): string {
  if (isEmpty(value)) return '';
  switch (field.type) {
    case 'select':
    case 'radio':
      return formatCode(def, field, value);
    case 'region':
      return regionFullName(value) || String(value);
    case 'number':
      return formatNumber(field, value);
    case 'file':
      return `已上传 ${Array.isArray(value) ? value.length : 1} 个文件`;
    case 'group': {
      if (!Array.isArray(value)) return '';
      const subs = Array.isArray(field.fields) ? field.fields : [];
      return value
        .map((row, i) => {
          const r = (row && typeof row === 'object' ? row : {}) as Record<string, unknown>;
          const parts = subs.filter((s) => !isEmpty(r[s.key])).map((s) => `${s.label}：${formatValue(def, s, r[s.key])}`);
          return `${i + 1}. ${parts.join('；')}`;
        })
        .join('\n');
    }
    default:
      return typeof value === 'string' ? value : Array.isArray(value) ? value.join('、') : String(value);
  }
}

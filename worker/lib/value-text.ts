/**
 * A stored form value as text (a table cell, a message): strings as they are, numbers and yes/no
 * as written, a list of choices comma-separated; nothing for an empty value.
 */
export function valueText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  if (Array.isArray(value)) return value.map(valueText).join(',');
  return JSON.stringify(value);
}

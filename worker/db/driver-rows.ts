/**
 * Rows that came back from a raw D1 statement (a read at the end of a write batch) turned into
 * the shape drizzle's own selects give, column by column with drizzle's decoders (JSON text,
 * booleans), so callers cannot tell the two apart.
 */
import { getTableColumns, type InferSelectModel, type Table } from 'drizzle-orm';

export function fromDriverRow<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out as InferSelectModel<T>;
}

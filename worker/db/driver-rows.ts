/**
 * Rows that came back from a raw D1 statement (a read at the end of a write batch) turned into
 * the shape drizzle's own selects give, column by column with drizzle's decoders (JSON text,
 * booleans), so callers cannot tell the two apart.
 */
import { getTableColumns, type Column, type InferSelectModel, type Table } from 'drizzle-orm';

/** The entries of a selection, listed once per selection object rather than on every row. */
const entriesOf = new WeakMap<object, [string, Column][]>();

function columnEntries(columns: Record<string, Column>): [string, Column][] {
  let entries = entriesOf.get(columns);
  if (!entries) {
    entries = Object.entries(columns);
    entriesOf.set(columns, entries);
  }
  return entries;
}

/** A selection of columns (as given to `db.select({...})`), decoded the same way; the caller names its type. */
export function fromDriverColumns(columns: Record<string, Column>, raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, column] of columnEntries(columns)) {
    const value = raw[column.name];
    out[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
  }
  return out;
}

const tableColumns = new WeakMap<Table, Record<string, Column>>();

export function fromDriverRow<T extends Table>(table: T, raw: Record<string, unknown>): InferSelectModel<T> {
  let columns = tableColumns.get(table);
  if (!columns) {
    columns = getTableColumns(table);
    tableColumns.set(table, columns);
  }
  return fromDriverColumns(columns, raw) as InferSelectModel<T>;
}

/** The rows of one statement's result in a batch. */
export function rowsOf(result: D1Result | undefined): Record<string, unknown>[] {
  return (result?.results ?? []) as Record<string, unknown>[];
}

/**
 * Statements on every request's path whose SQL text is rendered once per isolate.
 *
 * Rendering a drizzle query (`toSQL`) walks its whole tree, checking every node's class with
 * `is()`: in a CPU profile of the worker under the approval load, building and rendering queries
 * was about a third of the worker's own JavaScript. A prepared statement is written with the same
 * builders, but with named placeholders where the request's values go; it is rendered on first use,
 * and each request only fills in its parameters (through the column's encoder, as drizzle would).
 */
import { is, Param, Placeholder, sql } from 'drizzle-orm';
import { renderWrite, type Write } from './batch';
import type { Db } from './client';

type Values = Record<string, unknown>;

/** `p.name` is `sql.placeholder('name')`: the value of `name` at each use. */
export type Placeholders<V extends Values> = { readonly [K in keyof V]: Placeholder<K & string> };

interface Rendered {
  sql: string;
  params: ((values: Values) => unknown)[];
}

const placeholders = new Proxy({}, { get: (_, name) => sql.placeholder(String(name)) });

function valueOf(param: unknown): (values: Values) => unknown {
  const placeholder = is(param, Placeholder) ? param : is(param, Param) && is(param.value, Placeholder) ? param.value : undefined;
  if (!placeholder) return () => param;
  const encode = is(param, Param) ? (v: unknown) => param.encoder.mapToDriverValue(v) : (v: unknown) => v;
  const name = placeholder.name;
  return (values) => {
    if (!Object.hasOwn(values, name)) throw new Error(`No value for placeholder "${name}"`);
    const value = values[name];
    // as drizzle binds a value given in place: null is NULL, not the encoder's rendering of it
    return value === null || value === undefined ? null : encode(value);
  };
}

/**
 * A statement rendered once, bound per use: `build` writes it with `p.<name>` where values go.
 * The result is a `Write`, so it joins batches and batched reads like any query.
 */
export function prepared<V extends Values>(build: (db: Db, p: Placeholders<V>) => Write): (db: Db, values: V) => Write {
  let rendered: Rendered | undefined;
  return (db, values) => {
    if (!rendered) {
      const query = renderWrite(db, build(db, placeholders as Placeholders<V>));
      rendered = { sql: query.sql, params: query.params.map(valueOf) };
    }
    const { sql: text, params } = rendered;
    return { toSQL: () => ({ sql: text, params: params.map((value) => value(values)) }) };
  };
}

/**
 * Runs several writes as one D1 batch (one transaction: all or nothing). A write is a drizzle
 * query builder or a raw `sql` fragment; drizzle's own batch cannot bind raw fragments that carry
 * parameters, so both are rendered to SQL text + parameters here and bound on the D1 client.
 */
import { SQL } from 'drizzle-orm';
import type { Db } from './client';

export type Write = SQL | { toSQL(): { sql: string; params: unknown[] } };

interface Dialect { sqlToQuery(sql: SQL): { sql: string; params: unknown[] } }

export async function runBatch(db: Db, writes: Write[]): Promise<D1Result[]> {
  if (writes.length === 0) return [];
  const dialect = (db as unknown as { dialect: Dialect }).dialect;
  const client = db.$client;
  const statements = writes.map((w) => {
    const q = w instanceof SQL ? dialect.sqlToQuery(w) : w.toSQL();
    return client.prepare(q.sql).bind(...q.params);
  });
  return client.batch(statements);
}

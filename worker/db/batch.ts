/**
 * Runs several writes as one D1 batch (one transaction: all or nothing). A write is a drizzle
 * query builder or a raw `sql` fragment; drizzle's own batch cannot bind raw fragments that carry
 * parameters, so both are rendered to SQL text + parameters here and bound on the D1 client.
 */
import { SQL } from 'drizzle-orm';
import type { Db } from './client';

export type Write = SQL | { toSQL(): { sql: string; params: unknown[] } };

interface Dialect {
  sqlToQuery(sql: SQL): { sql: string; params: unknown[] };
}

/** SQL text and parameters of a write, as drizzle renders them for D1. */
export function renderWrite(db: Db, write: Write): { sql: string; params: unknown[] } {
  return write instanceof SQL ? (db as unknown as { dialect: Dialect }).dialect.sqlToQuery(write) : write.toSQL();
}

export async function runBatch(db: Db, writes: Write[]): Promise<D1Result[]> {
  if (writes.length === 0) return [];
  const client = db.$client;
  const statements = writes.map((w) => {
    const q = renderWrite(db, w);
    return client.prepare(q.sql).bind(...q.params);
  });
  return client.batch(statements);
}

/**
 * Reads that can share a round trip: their statements join a batch (another read's, or the end
 * of a write), and `read` turns that batch's results into a value. It is handed only the results
 * of its own statements, in order.
 */
export interface BatchedRead<T> {
  statements: Write[];
  read(results: D1Result[]): T;
}

/** Runs reads together in one batch (one round trip, one consistent snapshot). */
export async function runReads<A, B>(db: Db, a: BatchedRead<A>, b: BatchedRead<B>): Promise<[A, B]>;
export async function runReads<A>(db: Db, a: BatchedRead<A>): Promise<[A]>;
export async function runReads(db: Db, ...reads: BatchedRead<unknown>[]): Promise<unknown[]> {
  const results = await runBatch(
    db,
    reads.flatMap((r) => r.statements),
  );
  let at = 0;
  return reads.map((r) => {
    const own = results.slice(at, at + r.statements.length);
    at += r.statements.length;
    return r.read(own);
  });
}

/** Appends a read to writes; the read sees what they wrote. */
export async function runBatchThenRead<T>(db: Db, writes: Write[], read: BatchedRead<T>): Promise<T> {
  const results = await runBatch(db, [...writes, ...read.statements]);
  return read.read(results.slice(writes.length));
}

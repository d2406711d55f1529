import { drizzle } from 'drizzle-orm/d1';
import * as schema from './schema';

export type Db = ReturnType<typeof connect>;

function connect(d1: D1Database) {
  return drizzle(d1, { schema });
}

/**
 * Building the client walks the whole schema for the relational queries, which cost as much as a
 * small query on every request. The client holds no per-request state, so one per binding (and
 * so per isolate) serves every request.
 */
const clients = new WeakMap<D1Database, Db>();

export function openDb(d1: D1Database): Db {
  let db = clients.get(d1);
  if (!db) {
    db = connect(d1);
    clients.set(d1, db);
  }
  return db;
}

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { openDb } from './client';
import { accounts } from './schema';

describe('the database client', () => {
  it('is built once per binding and serves every request after', async () => {
    const db = openDb(env.DB);
    expect(openDb(env.DB)).toBe(db);
    const first = await db.select({ id: accounts.id }).from(accounts).limit(1);
    const again = await openDb(env.DB).query.accounts.findFirst({ columns: { id: true } });
    expect(again?.id).toBe(first[0]?.id);
  });

  it('a different binding gets a client of its own', () => {
    const other = Object.create(env.DB) as D1Database;
    expect(openDb(other)).not.toBe(openDb(env.DB));
  });
});

/**
 * A prepared statement binds exactly what the same drizzle query would: each request's own
 * values, through the column's encoder, with NULL for null — and its text is rendered only once.
 */
import { env } from 'cloudflare:workers';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { studentWithSourceRecord } from '../test/fixtures';
import { renderWrite, runBatch } from './batch';
import { openDb } from './client';
import { guardedRecordUpdate } from './records';
import { prepared } from './prepared';
import { records } from './schema';

describe('prepared statements', () => {
  it('render the same SQL and parameters as the query written in place', () => {
    const db = openDb(env.DB);
    const byId = prepared<{ id: string }>((db, p) => db.select().from(records).where(eq(records.id, p.id)).limit(1));
    const inPlace = renderWrite(db, db.select().from(records).where(eq(records.id, 'rec-7')).limit(1));
    expect(renderWrite(db, byId(db, { id: 'rec-7' }))).toEqual(inPlace);
    expect(renderWrite(db, byId(db, { id: 'rec-8' })).params).toEqual(['rec-8', 1]);
  });

  it('encode values by their column (JSON data) and bind null as NULL', () => {
    const db = openDb(env.DB);
    const setData = prepared<{ data: unknown; number: string | null }>((db, p) =>
      // drizzle's types for set() do not list placeholders; at run time it binds them as it does values
      db
        .update(records)
        .set({ data: p.data, number: p.number } as unknown as Partial<typeof records.$inferInsert>)
        .where(eq(records.id, 'x')),
    );
    expect(renderWrite(db, setData(db, { data: { name: '张三' }, number: null })).params).toEqual(['{"name":"张三"}', null, 'x']);
  });

  it('refuse to run without a value for every placeholder', () => {
    const db = openDb(env.DB);
    const byId = prepared<{ id: string }>((db, p) => db.select().from(records).where(eq(records.id, p.id)));
    expect(() => renderWrite(db, byId(db, {} as { id: string }))).toThrow('No value for placeholder "id"');
  });

  it('build the query only on first use', () => {
    const db = openDb(env.DB);
    let builds = 0;
    const count = prepared<{ kind: string }>((db, p) => {
      builds++;
      return sql`SELECT count(*) AS n FROM ${records} WHERE ${records.kind} = ${p.kind}`;
    });
    for (const kind of ['agreements', 'invitations', 'source-records']) renderWrite(db, count(db, { kind }));
    expect(builds).toBe(1);
  });
});

describe('the guarded record update', () => {
  it('changes the record only while it is as it was read, whichever columns change', async () => {
    const s = await studentWithSourceRecord('imported');
    const db = openDb(env.DB);
    const read = (await db.select().from(records).where(eq(records.id, s.recordId)))[0]!;
    const change = { state: 'submitted', version: read.version + 1, updatedAt: '2026-12-04T00:00:00.000Z', auditHead: 'head-1' };

    const [stale] = await runBatch(db, [guardedRecordUpdate(db, { ...read, version: read.version + 5 }, change)]);
    expect(stale!.meta.changes).toBe(0);
    const [otherHead] = await runBatch(db, [guardedRecordUpdate(db, { ...read, auditHead: 'not-the-head' }, change)]);
    expect(otherHead!.meta.changes).toBe(0);

    const [applied] = await runBatch(db, [
      guardedRecordUpdate(db, read, { ...change, data: { ...(read.data as object), mobile: '13800001234' } }),
    ]);
    expect(applied!.meta.changes).toBe(1);
    const after = (await db.select().from(records).where(eq(records.id, s.recordId)))[0]!;
    expect(after).toMatchObject({ state: 'submitted', version: read.version + 1, auditHead: 'head-1', data: { mobile: '13800001234' } });

    // the same record again, now with a head: `IS` compares it as `=` does
    const [again] = await runBatch(db, [
      guardedRecordUpdate(db, after, { ...change, state: 'imported', version: after.version + 1, auditHead: 'head-2' }),
    ]);
    expect(again!.meta.changes).toBe(1);
    expect((await db.select().from(records).where(eq(records.id, s.recordId)))[0]).toMatchObject({
      state: 'imported',
      auditHead: 'head-2',
      data: { mobile: '13800001234' },
    });
  });
});

/**
 * The record and timeline folded into fewer round trips must be exactly what the plain reads
 * give: the same decoded columns (JSON data, nulls), the same events in the same order.
 */
import { env } from 'cloudflare:workers';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import { preChainEvents } from './audit-chain';
import { runBatchThenRead, runReads } from './batch';
import { openDb } from './client';
import { findRecord, recordForChangeRead, recordTimeline, recordWithTimelineRead } from './records';

/** A source record with one pre-chain event (hash NULL) and then two hashed ones. */
async function recordWithHistory(): Promise<string> {
  const s = await studentWithSourceRecord('imported');
  await env.DB.prepare(`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot, at)
    VALUES (?, ?, 'source-records', 'import', NULL, 'imported', 'acc-school', 'school', '学校', 'x', '{"name":"测试学生"}', '2026-09-01T00:00:00Z')`)
    .bind('00000000000' + s.recordId.slice(11), s.recordId)
    .run();
  const student = await TestClient.as(s.username);
  const saved = await student.post(`/api/source-records/${s.recordId}/save`, { version: 1, data: { mobile: '13800004321' } });
  expect(saved.status).toBe(200);
  const submitted = await student.post(`/api/source-records/${s.recordId}/submit`, { version: 2, data: saved.body.data });
  expect(submitted.status).toBe(200);
  return s.recordId;
}

describe('record reads in one round trip', () => {
  it('the record with its timeline equals the two separate reads', async () => {
    const id = await recordWithHistory();
    const db = openDb(env.DB);
    const [both] = await runReads(db, recordWithTimelineRead(db, id));
    expect(both).toEqual({ record: await findRecord(db, id), events: await recordTimeline(db, id) });
    expect(both!.events).toHaveLength(3);
    expect((await runReads(db, recordWithTimelineRead(db, 'no-such-record')))[0]).toBeUndefined();
  });

  it('a record read for a change carries only its pre-chain events', async () => {
    const id = await recordWithHistory();
    const db = openDb(env.DB);
    const [read] = await runReads(db, recordForChangeRead(db, id));
    expect(read!.record).toEqual(await findRecord(db, id));
    expect(read!.preChain).toEqual(await preChainEvents(db, id));
    expect(read!.preChain.map((e) => e.action)).toEqual(['import']);
    expect(read!.preChain[0]!.snapshot).toBe('{"name":"测试学生"}');
  });

  it("reads appended to a write batch see the batch's writes, decoded as drizzle decodes them", async () => {
    const id = await recordWithHistory();
    const db = openDb(env.DB);
    const after = await runBatchThenRead(
      db,
      [sql`UPDATE records SET number = ${'NO-1'}, deadline = NULL WHERE id = ${id}`],
      recordWithTimelineRead(db, id),
    );
    expect(after).toEqual({ record: await findRecord(db, id), events: await recordTimeline(db, id) });
    expect(after!.record.number).toBe('NO-1');
    expect(after!.record.data).toMatchObject({ mobile: '13800004321' });
    expect(after!.record.deadline).toBeNull();
    expect(recordWithTimelineRead(db, id).read([])).toBeUndefined();
  });
});

/**
 * The audit trail is tamper-evident: someone with direct access to D1 edits an event's snapshot
 * or reason, a record's data or state, or deletes an event — the verifier names the first broken
 * event of that record. Each story restores the row afterwards and the chain verifies clean again.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord, uniqueIdNumber, uniqueMobile } from '../../test/fixtures';
import type { ChainReport } from './verify-chain';

const path = (id: string, action = '') => `/api/source-records/${id}${action ? '/' + action : ''}`;

interface EventRow {
  id: string;
  action: string;
  reason: string | null;
  snapshot: string;
  at: string;
  hash: string;
  prev_hash: string;
}

/** A source record taken through submit, a school reject (with a reason), resubmit and approve: five hashed events. */
async function reviewedSourceRecord() {
  const s = await studentWithSourceRecord('imported');
  const student = await TestClient.as(s.username);
  const school = await TestClient.as('school');
  const step = async (client: TestClient, action: string, body: Record<string, unknown>) => {
    const res = await client.post(path(s.recordId, action), body);
    if (res.status !== 200) throw new Error(`${action}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  let r = await step(student, 'save', { version: 1, data: { mobile: '13800005678' } });
  r = await step(student, 'submit', { version: r.version, data: r.data });
  r = await step(school, 'reject', { version: r.version, reason: '学号填写有误' });
  r = await step(student, 'submit', { version: r.version, data: r.data });
  await step(school, 'approve', { version: r.version });
  const events = (await env.DB.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id').bind(s.recordId).all<EventRow>())
    .results;
  return { recordId: s.recordId, events };
}

async function verify(): Promise<ChainReport> {
  const admin = await TestClient.as('admin');
  const res = await admin.get<ChainReport>('/api/audit/verify');
  expect(res.status).toBe(200);
  return res.body;
}

const problemOf = (report: ChainReport, recordId: string) => report.problems.find((p) => p.recordId === recordId);

describe('the tamper-evident audit chain', () => {
  it('every event of a record links to the one before, and the record keeps the head', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    expect(events.map((e) => e.action)).toEqual(['save', 'submit', 'reject', 'submit', 'approve']);
    for (let i = 1; i < events.length; i++) expect(events[i]!.prev_hash).toBe(events[i - 1]!.hash);
    const head = await env.DB.prepare('SELECT audit_head FROM records WHERE id = ?').bind(recordId).first<string>('audit_head');
    expect(head).toBe(events.at(-1)!.hash);
    const report = await verify();
    expect(problemOf(report, recordId)).toBeUndefined();
    expect(report.hashedEvents).toBeGreaterThanOrEqual(5);
  });

  it('untouched data verifies clean', async () => {
    await reviewedSourceRecord();
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBroken: null, problems: [] });
  });

  it('an edited snapshot is named as the first broken event, with its record and time', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    const target = events[1];
    const forged = JSON.stringify({ ...JSON.parse(target!.snapshot), mobile: '13900000000' });
    await env.DB.prepare('UPDATE audit_events SET snapshot = ? WHERE id = ?').bind(forged, target!.id).run();
    const report = await verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toMatchObject({ recordId, eventId: target!.id, at: target!.at, code: 'snapshot_altered' });
    expect(report.firstBroken!.message).toMatch(/快照/);

    await env.DB.prepare('UPDATE audit_events SET snapshot = ? WHERE id = ?').bind(target!.snapshot, target!.id).run();
    expect((await verify()).ok).toBe(true);
  });

  it('an edited reason breaks the hash of that event', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    const reject = events.find((e) => e.action === 'reject')!;
    await env.DB.prepare('UPDATE audit_events SET reason = ? WHERE id = ?').bind('学生自愿放弃', reject.id).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: reject.id, code: 'event_altered' });

    await env.DB.prepare('UPDATE audit_events SET reason = ? WHERE id = ?').bind(reject.reason, reject.id).run();
    expect((await verify()).ok).toBe(true);
  });

  it('the first of two edits is the one named', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    await env.DB.prepare('UPDATE audit_events SET actor_name = ? WHERE id IN (?, ?)').bind('某人', events[3]!.id, events[1]!.id).run();
    const report = await verify();
    expect(report.firstBroken).toMatchObject({ recordId, eventId: events[1]!.id, code: 'event_altered' });

    for (const e of [events[1], events[3]]) {
      await env.DB.prepare(
        'UPDATE audit_events SET actor_name = (SELECT display_name FROM accounts WHERE id = audit_events.actor_id) WHERE id = ?',
      )
        .bind(e!.id)
        .run();
    }
    expect((await verify()).ok).toBe(true);
  });

  it('record data edited directly, without an event, no longer matches the last snapshot', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    const original = await env.DB.prepare('SELECT data FROM records WHERE id = ?').bind(recordId).first<string>('data');
    await env.DB.prepare("UPDATE records SET data = json_set(data, '$.major', '金融学') WHERE id = ?").bind(recordId).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: events.at(-1)!.id, code: 'data_mismatch' });

    await env.DB.prepare('UPDATE records SET data = ? WHERE id = ?').bind(original, recordId).run();
    expect((await verify()).ok).toBe(true);
  });

  it('a state changed directly is caught as well', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    await env.DB.prepare("UPDATE records SET state = 'approved' WHERE id = ?").bind(recordId).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: events.at(-1)!.id, code: 'state_mismatch' });
    await env.DB.prepare("UPDATE records SET state = 'school_approved' WHERE id = ?").bind(recordId).run();
    expect((await verify()).ok).toBe(true);
  });

  it('deleting the last event leaves the record head pointing at nothing: the event before it is named', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    await env.DB.prepare('DELETE FROM audit_events WHERE id = ?').bind(events.at(-1)!.id).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: events.at(-2)!.id, code: 'head_mismatch' });
    await reinsert(events.at(-1)!);
    expect((await verify()).ok).toBe(true);
  });

  it('deleting an event in the middle breaks the link of the one after it', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    await env.DB.prepare('DELETE FROM audit_events WHERE id = ?').bind(events[2]!.id).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: events[3]!.id, code: 'chain_broken' });
    await reinsert(events[2]!);
    expect((await verify()).ok).toBe(true);
  });

  it('deleting a record with its history leaves events that name it', async () => {
    const { recordId, events } = await reviewedSourceRecord();
    const row = await env.DB.prepare('SELECT * FROM records WHERE id = ?').bind(recordId).first();
    await env.DB.prepare('DELETE FROM records WHERE id = ?').bind(recordId).run();
    expect((await verify()).firstBroken).toMatchObject({ recordId, eventId: events[0]!.id, code: 'record_missing' });
    const cols = Object.keys(row!);
    await env.DB.prepare(`INSERT INTO records (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
      .bind(...cols.map((c) => row![c]))
      .run();
    expect((await verify()).ok).toBe(true);
  });

  it('a roster import and a re-import with a new phone number chain like any transition', async () => {
    const school = await TestClient.as('school');
    const idNumber = uniqueIdNumber();
    const roster = (mobile: string) =>
      `姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码,学号,考生号\r\n王子涵,${idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,${mobile},2023000001,23320106100001\r\n`;
    expect((await school.upload('/api/source-records/import', roster(uniqueMobile()), 'roster.csv', 'text/csv')).body).toMatchObject({
      created: 1,
    });
    expect((await school.upload('/api/source-records/import', roster(uniqueMobile()), 'roster.csv', 'text/csv')).body).toMatchObject({
      updated: 1,
    });
    const recordId = (await env.DB.prepare(
      "SELECT r.id FROM records r JOIN students s ON s.id = r.student_id WHERE s.id_number = ? AND r.kind = 'source-records'",
    )
      .bind(idNumber)
      .first<string>('id'))!;
    const events = (await env.DB.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id').bind(recordId).all<EventRow>())
      .results;
    expect(events).toHaveLength(2);
    expect(events[1]!.prev_hash).toBe(events[0]!.hash);
    expect((await verify()).ok).toBe(true);

    await env.DB.prepare("UPDATE records SET data = json_set(data, '$.mobile', '13900000001') WHERE id = ?").bind(recordId).run();
    expect(problemOf(await verify(), recordId)).toMatchObject({ eventId: events[1]!.id, code: 'data_mismatch' });
    await env.DB.prepare('UPDATE records SET data = ? WHERE id = ?').bind(events[1]!.snapshot, recordId).run();
  });

  it('events written before the chain existed are sealed by the first hashed event', async () => {
    const s = await studentWithSourceRecord('imported');
    const data = await env.DB.prepare('SELECT data FROM records WHERE id = ?').bind(s.recordId).first<string>('data');
    // As the first release wrote them: no hash, no link, and a digest nobody checked.
    await env.DB.prepare(`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot, at)
      VALUES (?, ?, 'source-records', 'import', NULL, 'imported', 'acc-school', 'school', '江苏示范大学就业处', 'legacy', ?, '2026-06-01T08:00:00.000Z')`)
      .bind('legacy-' + s.recordId, s.recordId, data)
      .run();
    expect(problemOf(await verify(), s.recordId)).toBeUndefined();

    const student = await TestClient.as(s.username);
    expect((await student.post(path(s.recordId, 'save'), { version: 1, data: { mobile: '13800007777' } })).status).toBe(200);
    expect(problemOf(await verify(), s.recordId)).toBeUndefined();

    await env.DB.prepare("UPDATE audit_events SET actor_name = '省级审核员' WHERE id = ?")
      .bind('legacy-' + s.recordId)
      .run();
    expect(problemOf(await verify(), s.recordId)).toMatchObject({ code: 'pre_chain_altered' });
    await env.DB.prepare("UPDATE audit_events SET actor_name = '江苏示范大学就业处' WHERE id = ?")
      .bind('legacy-' + s.recordId)
      .run();
    expect((await verify()).ok).toBe(true);
  });

  it('only the administrator may run the check', async () => {
    const school = await TestClient.as('school');
    expect((await school.get('/api/audit/verify')).status).toBe(403);
    expect((await new TestClient().get('/api/audit/verify')).status).toBe(401);
  });
});

async function reinsert(event: EventRow) {
  const row = event as unknown as Record<string, unknown>;
  const cols = Object.keys(row);
  await env.DB.prepare(`INSERT INTO audit_events (${cols.join(',')}) VALUES (${cols.map(() => '?').join(',')})`)
    .bind(...cols.map((c) => row[c]))
    .run();
}

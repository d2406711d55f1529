/**
 * The audit event that carries a notification (docs/architecture.md, notifications): to the
 * record's student alone, or its employer alone, it goes through a view with that one branch; to
 * anyone else, through the general audience. Either way the same people get the message, and the
 * actor never does.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { renderWrite, runBatch } from './batch';
import { openDb } from './client';
import { auditEventInsert, carryNotification, notificationWrites, type AudienceOf } from './notifications';
import { newId } from '../lib/encoding';

const db = openDb(env.DB);

async function demoParties() {
  const row = await env.DB.prepare(
    "SELECT (SELECT student_id FROM accounts WHERE username = 'student') AS studentId, (SELECT employer_id FROM accounts WHERE username = 'employer') AS employerId",
  ).first<{ studentId: string; employerId: string }>();
  return row!;
}

/** An audit event of a made-up record carrying one notification to `audience`; the statement's text and who got the message. */
async function carry(audience: AudienceOf) {
  const recordId = `rec-carry-${newId()}`;
  const at = new Date().toISOString();
  const event = {
    id: newId(),
    recordId,
    kind: 'agreements',
    action: 'approve',
    fromState: 'college_review',
    toState: 'school_review',
    actorId: 'acc-college',
    actorRole: 'college',
    actorName: '计算机学院辅导员',
    reason: null,
    dataDigest: 'd',
    snapshot: '{}',
    at,
    prevHash: `p-${recordId}`,
    hash: `h-${recordId}`,
  };
  const insert = auditEventInsert(db, { toSQL: () => ({ sql: 'SELECT 1', params: [] }) }, event);
  const notice = {
    eventId: newId(),
    category: 'agreement',
    event: 'agreements.approve',
    title: '协议书学院审核通过',
    body: '请留意学校审核。',
    recordKind: 'agreements',
    recordId,
    now: at,
  };
  const { writes, rest } = carryNotification([insert], notificationWrites(db, notice, audience));
  expect(rest).toEqual([]);
  const statement = renderWrite(db, writes[0]!);
  await runBatch(db, writes);
  const rows = await env.DB.prepare('SELECT account_id FROM notifications WHERE record_id = ? ORDER BY account_id')
    .bind(recordId)
    .all<{ account_id: string }>();
  const audit = await env.DB.prepare('SELECT count(*) AS n FROM audit_events WHERE record_id = ?').bind(recordId).first<{ n: number }>();
  expect(audit?.n).toBe(1);
  return { sql: statement.sql, to: rows.results.map((r) => r.account_id) };
}

/** Who the general audience (the view every other notification goes through) names for the same audience. */
async function general(audience: AudienceOf) {
  const recordId = `rec-general-${newId()}`;
  const notice = {
    eventId: newId(),
    category: 'agreement',
    event: 'agreements.approve',
    title: 't',
    body: 'b',
    recordKind: 'agreements',
    recordId,
    now: new Date().toISOString(),
  };
  await runBatch(db, notificationWrites(db, notice, audience));
  const rows = await env.DB.prepare('SELECT account_id FROM notifications WHERE record_id = ? ORDER BY account_id')
    .bind(recordId)
    .all<{ account_id: string }>();
  return rows.results.map((r) => r.account_id);
}

describe('an audit event carrying its notification', () => {
  it('to the student alone: the one-branch view, and the same people as the general audience', async () => {
    const { studentId } = await demoParties();
    const audience = { studentId, except: 'acc-college' };
    const carried = await carry(audience);
    expect(carried.sql).toContain('INSERT INTO audit_events_notifying_student ');
    expect(carried.to).toHaveLength(1);
    expect(carried.to).toEqual(await general(audience));
  });

  it('to the employer alone: the one-branch view, and the same people as the general audience', async () => {
    const { employerId } = await demoParties();
    const audience = { employerId, except: 'acc-college' };
    const carried = await carry(audience);
    expect(carried.sql).toContain('INSERT INTO audit_events_notifying_employer ');
    expect(carried.to.length).toBeGreaterThanOrEqual(1);
    expect(carried.to).toEqual(await general(audience));
  });

  it('to both parties, or to reviewers: the general view', async () => {
    const { studentId, employerId } = await demoParties();
    const parties = await carry({ studentId, employerId, except: 'acc-college' });
    expect(parties.sql).toContain('INSERT INTO audit_events_notifying ');
    expect(parties.to).toEqual(await general({ studentId, employerId, except: 'acc-college' }));
    expect(parties.to.length).toBeGreaterThanOrEqual(2);
    const reviewers = await carry({ schoolId: 'sch-1', schoolReviewers: true });
    expect(reviewers.sql).toContain('INSERT INTO audit_events_notifying ');
    expect(reviewers.to).toContain('acc-school');
  });

  it('never tells the actor, even when the actor is the one branch named', async () => {
    const { studentId } = await demoParties();
    const actor = await env.DB.prepare('SELECT id FROM accounts WHERE student_id = ?').bind(studentId).first<{ id: string }>();
    const carried = await carry({ studentId, except: actor!.id });
    expect(carried.sql).toContain('audit_events_notifying_student');
    expect(carried.to).toEqual([]);
  });
});

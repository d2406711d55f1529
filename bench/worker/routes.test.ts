import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { isValidCreditCode, isValidIdNumber } from '../../forms/engine';
import { BENCH_NOTIFICATIONS_HEADER, benchApp } from './app';
import { benchCreditCode, benchIdNumber, employerOf, placement, signingPlan, sourceStateOf } from './bench-data';
import { TestClient } from '../../worker/test/client';
import { workerFetch } from '../../worker/test/worker-fetch';
import { count, studentWithSourceRecord } from '../../worker/test/fixtures';
import { demo, onlineAgreementIn } from '../../worker/test/scenarios';

const ORIGIN = 'https://wangqian.test';

function benchRequest(path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}) {
  return new Request(ORIGIN + path, { ...init, headers: { Origin: ORIGIN, 'Content-Type': 'application/json', ...init.headers } });
}

describe("the bench's worker (npm run bench)", () => {
  it('the deployed worker has no bench routes: they answer as an unknown path does and write nothing', async () => {
    for (const client of [new TestClient(), await TestClient.as('school')]) {
      const floor = await client.get('/api/bench/floor?key=x');
      const unknown = await client.get('/api/no-such-thing/floor?key=x');
      expect(floor.status).toBeGreaterThanOrEqual(400);
      expect([floor.status, floor.body]).toEqual([unknown.status, unknown.body]);

      const before = await count('schools');
      const generate = await client.post('/api/bench/organisations', { students: 1000 });
      const unknownPost = await client.post('/api/no-such-thing/organisations', { students: 1000 });
      expect([generate.status, generate.body]).toEqual([unknownPost.status, unknownPost.body]);
      expect(await count('schools')).toBe(before);
    }
  });

  it("every other request is the deployed app's: the same answer, with its security headers and session rules", async () => {
    const health = await benchApp.fetch(benchRequest('/api/health'), env);
    const deployed = await new TestClient().get('/api/health');
    expect([health.status, await health.json()]).toEqual([deployed.status, deployed.body]);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    const records = await benchApp.fetch(benchRequest('/api/agreements'), env);
    expect(records.status).toBe(401);
    expect(await records.json()).toMatchObject({ error: { code: expect.any(String) } });
  });

  it('the floor is one point read with no middleware (no security headers, no session)', async () => {
    const res = await benchApp.fetch(benchRequest('/api/bench/floor?key=no-such-id'), env);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ row: null });
    expect(res.headers.get('x-content-type-options')).toBeNull();
  });

  it('it writes students with valid ID numbers, accounts, source records and signing records', async () => {
    const organisations = await benchApp.fetch(
      benchRequest('/api/bench/organisations', { method: 'POST', body: JSON.stringify({ students: 100 }) }),
      env,
    );
    expect(organisations.status).toBe(200);
    const res = await benchApp.fetch(
      benchRequest('/api/bench/students', {
        method: 'POST',
        body: JSON.stringify({
          students: 100,
          from: 0,
          count: 100,
          base: Date.UTC(2026, 2, 1),
          cohortYear: 2027,
          agreementTemplate: { employerName: '测试单位' },
        }),
      }),
      env,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ students: 100 });
    expect(await count('students', "id LIKE 'bstu-%'")).toBe(100);
    expect(await count('accounts', "student_id LIKE 'bstu-%'")).toBe(100);
    expect(await count('records', "kind = 'source-records' AND student_id LIKE 'bstu-%'")).toBe(100);
    // the first students form the approve block: agreements 待学院审核 in one college, one audit event each
    expect(await count('records', "kind = 'agreements' AND state = 'college_review' AND college_id = 'bcol-0-0'")).toBe(30);
    expect(await count('audit_events', "record_id IN (SELECT id FROM records WHERE student_id LIKE 'bstu-%')")).toBe(
      await count('records', "student_id LIKE 'bstu-%'"),
    );

    // an agreement's data is the template with the student's own fields; an import event snapshots its record
    const agreement = await env.DB.prepare(
      "SELECT r.data AS data, s.name AS name FROM records r JOIN students s ON s.id = r.student_id WHERE r.kind = 'agreements' AND s.id = 'bstu-7'",
    ).first<{ data: string; name: string }>();
    expect(JSON.parse(agreement!.data)).toEqual({
      employerName: '测试单位',
      name: agreement!.name,
      idNumber: benchIdNumber(7),
      mobile: expect.any(String),
      college: expect.any(String),
      major: expect.any(String),
    });
    expect(agreement!.data).toContain(agreement!.name);
    const source = await env.DB.prepare(
      "SELECT r.data AS data, e.snapshot AS snapshot FROM records r JOIN audit_events e ON e.record_id = r.id WHERE r.kind = 'source-records' AND r.student_id = 'bstu-7'",
    ).first<{ data: string; snapshot: string }>();
    expect(source!.snapshot).toBe(source!.data);
    expect(
      await count(
        'audit_events',
        "snapshot IS NOT NULL AND record_id IN (SELECT id FROM records WHERE student_id LIKE 'bstu-%' AND kind <> 'source-records')",
      ),
    ).toBe(0);

    const floor = await benchApp.fetch(benchRequest(`/api/bench/floor?key=${benchIdNumber(7)}`), env);
    expect(await floor.json()).toEqual({ row: { id: 'bstu-7', name: expect.any(String) } });
    const stored = await env.DB.prepare("SELECT id_number FROM students WHERE id LIKE 'bstu-%'").all<{ id_number: string }>();
    expect(stored.results.every((r) => isValidIdNumber(r.id_number))).toBe(true);
  });

  it("the import floor writes the roster import's rows: student, account, source record and its event", async () => {
    const before = await count('students', "school_id = 'bsch-0'");
    if ((await count('schools', "id = 'bsch-0'")) === 0) {
      await benchApp.fetch(benchRequest('/api/bench/organisations', { method: 'POST', body: JSON.stringify({ students: 100 }) }), env);
    }
    const res = await benchApp.fetch(
      benchRequest('/api/bench/import-floor', { method: 'POST', body: JSON.stringify({ first: 900_000, count: 50, cohortYear: 2027 }) }),
      env,
    );
    expect(res.status).toBe(200);
    expect(await count('students', "school_id = 'bsch-0'")).toBe(before + 50);
    const row =
      await env.DB.prepare(`SELECT a.username AS username, a.must_change_password AS must, r.data AS data, e.snapshot AS snapshot, e.hash AS hash, r.audit_head AS head
      FROM students s JOIN accounts a ON a.student_id = s.id JOIN records r ON r.student_id = s.id JOIN audit_events e ON e.record_id = r.id WHERE s.id_number = ?`)
        .bind(benchIdNumber(900_010))
        .first<{ username: string; must: number; data: string; snapshot: string; hash: string; head: string }>();
    expect(row).toMatchObject({ username: benchIdNumber(900_010), must: 1, snapshot: row!.data, hash: row!.head });
    expect(JSON.parse(row!.data)).toMatchObject({ idNumber: benchIdNumber(900_010), cohort: 2027 });
  });

  it('approvals again: an agreement the college approved is back 待学院审核 at version 1 and approved again, its chain going on', async () => {
    const agreement = await onlineAgreementIn('college_review');
    const college = await demo('college');
    const approve = () => college.post(`/api/agreements/${agreement.id}/approve`, { version: 1 });
    expect((await approve()).status).toBe(200);
    const again = () =>
      benchApp.fetch(
        benchRequest('/api/bench/approvals-again', { method: 'POST', body: JSON.stringify({ ids: [agreement.id, 'no-such-record'] }) }),
        env,
      );
    expect(await (await again()).json()).toEqual({ again: 1 });
    // only what a pass moved to 待学校审核 goes back: a second call finds nothing to put back
    expect(await (await again()).json()).toEqual({ again: 0 });
    const second = await approve();
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ state: 'school_review', version: 2 });
    const chain = (
      await env.DB.prepare("SELECT prev_hash AS prev, hash FROM audit_events WHERE record_id = ? AND action = 'approve' ORDER BY at, rowid")
        .bind(agreement.id)
        .all<{ prev: string; hash: string }>()
    ).results;
    expect(chain).toHaveLength(2);
    expect(chain[1]!.prev).toBe(chain[0]!.hash);
    const bad = await benchApp.fetch(
      benchRequest('/api/bench/approvals-again', { method: 'POST', body: JSON.stringify({ ids: 'x' }) }),
      env,
    );
    expect(bad.status).toBe(400);
  });

  it('the transition floor re-records a record as an approval would: version, chained event, read back', async () => {
    const s = await studentWithSourceRecord('imported');
    const floor = () =>
      benchApp.fetch(benchRequest('/api/bench/transition-floor', { method: 'POST', body: JSON.stringify({ id: s.recordId }) }), env);
    const before = await env.DB.prepare('SELECT state, version FROM records WHERE id = ?')
      .bind(s.recordId)
      .first<{ state: string; version: number }>();
    const events = await count('audit_events', `record_id = '${s.recordId}'`);

    const first = await floor();
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ changed: true, events: events + 1 });
    expect(await (await floor()).json()).toEqual({ changed: true, events: events + 2 });

    const after = await env.DB.prepare('SELECT state, version, audit_head AS head FROM records WHERE id = ?')
      .bind(s.recordId)
      .first<{ state: string; version: number; head: string }>();
    expect(after).toMatchObject({ state: before!.state, version: before!.version + 2 });
    // each event links to the head before it, and the record's head is the last one
    const chain = (
      await env.DB.prepare(
        "SELECT prev_hash AS prev, hash FROM audit_events WHERE record_id = ? AND action = 'bench-floor' ORDER BY at, rowid",
      )
        .bind(s.recordId)
        .all<{ prev: string; hash: string }>()
    ).results;
    expect(chain).toHaveLength(2);
    expect(chain[1]!.prev).toBe(chain[0]!.hash);
    expect(after!.head).toBe(chain[1]!.hash);

    const missing = await benchApp.fetch(
      benchRequest('/api/bench/transition-floor', { method: 'POST', body: JSON.stringify({ id: 'no-such-record' }) }),
      env,
    );
    expect(missing.status).toBe(404);
    expect(await count('audit_events', `record_id = '${s.recordId}'`)).toBe(events + 2);
  });

  it('x-bench-notifications: off makes a transition through the bench entry write no message; the deployed worker ignores the header', async () => {
    const messages = async (recordId: string) => count('notifications', `record_id = '${recordId}'`);
    const signIn = await benchApp.fetch(
      benchRequest('/api/session', { method: 'POST', body: JSON.stringify({ username: 'school', password: 'demo1234' }) }),
      env,
    );
    const cookie = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
    const approve = (recordId: string, headers: Record<string, string>) =>
      benchApp.fetch(
        benchRequest(`/api/source-records/${recordId}/approve`, {
          method: 'POST',
          headers: { Cookie: cookie, ...headers },
          body: JSON.stringify({ version: 1 }),
        }),
        env,
      );

    const off = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    const quiet = await approve(off.recordId, { [BENCH_NOTIFICATIONS_HEADER]: 'off' });
    expect(quiet.status).toBe(200);
    expect(await quiet.json()).toMatchObject({ id: off.recordId, version: 2 });
    expect(await messages(off.recordId)).toBe(0);

    const on = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    expect((await approve(on.recordId, {})).status).toBe(200);
    expect(await messages(on.recordId)).toBeGreaterThan(0);

    const deployed = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    const res = await workerFetch(
      benchRequest(`/api/source-records/${deployed.recordId}/approve`, {
        method: 'POST',
        headers: { Cookie: cookie, [BENCH_NOTIFICATIONS_HEADER]: 'off' },
        body: JSON.stringify({ version: 1 }),
      }),
    );
    expect(res.status).toBe(200);
    expect(await messages(deployed.recordId)).toBeGreaterThan(0);
  });

  it('students come school by school over the colleges, and employers in blocks of 100', () => {
    const shape = { students: 100_000, approveBlock: 3000 };
    const perSchool = new Map<number, number>();
    const colleges = new Set<number>();
    for (let i = 0; i < shape.students; i++) {
      const { school, college } = placement(shape, i);
      perSchool.set(school, (perSchool.get(school) ?? 0) + 1);
      colleges.add(college);
    }
    expect([...colleges].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, k) => k));
    expect([...perSchool.keys()].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, k) => k));
    expect([...perSchool.values()].every((n) => n === 5000)).toBe(true);
    expect(placement(shape, 0)).toEqual({ school: 0, college: 0 });
    expect(placement(shape, 99_999).school).toBe(19);
    expect(new Set(Array.from({ length: shape.students }, (_, i) => employerOf(shape, i))).size).toBe(1000);
  });

  it('generated data is valid and covers every state of source records, invitations and agreements', () => {
    const shape = { students: 100_000, approveBlock: 3000 };
    const ids = new Set<string>();
    const seen = { source: new Set<string>(), invitations: new Set<string>(), agreements: new Set<string>() };
    for (let i = 0; i < shape.students; i++) {
      ids.add(benchIdNumber(i));
      seen.source.add(sourceStateOf(shape, i));
      const plan = signingPlan(shape, i);
      if (plan.invitation) seen.invitations.add(plan.invitation);
      if (plan.agreement) seen.agreements.add(plan.agreement.state);
    }
    expect(ids.size).toBe(shape.students);
    expect([...ids].slice(0, 1000).every((id) => isValidIdNumber(id))).toBe(true);
    expect([...seen.source].sort()).toEqual(['approved', 'imported', 'returned', 'school_approved', 'submitted']);
    expect([...seen.invitations].sort()).toEqual(['accepted', 'draft', 'expired', 'rejected', 'sent', 'withdrawn']);
    expect([...seen.agreements].sort()).toEqual(['approved', 'college_review', 'rejected', 'returned', 'school_review', 'terminated']);
    expect(isValidCreditCode(benchCreditCode(42))).toBe(true);
  });
});

import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';

const path = (id: string, action = '') => `/api/source-records/${id}${action ? '/' + action : ''}`;

describe('the generic transition executor, on the source-record lifecycle', () => {
  it('a student corrects the phone number and submits: state, version and timeline move together', async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const before = await student.get(path(s.recordId));
    expect(before.status).toBe(200);
    expect(before.body.actions.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['save', 'submit']));
    expect(before.body.step).toBe('student');

    const res = await student.post(path(s.recordId, 'submit'), { version: 1, data: { ...before.body.data, mobile: '13800001234' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'submitted', stateLabel: '学生已核对', version: 2 });
    expect(res.body.data.mobile).toBe('13800001234');
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'submit', from: 'imported', to: 'submitted', toLabel: '学生已核对' });
    expect(res.body.actions).toEqual([]);
  });

  it('a student cannot change identity fields the form locks for them: the value stays', async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const res = await student.post(path(s.recordId, 'save'), {
      version: 1,
      data: { idNumber: '110101199003077777', name: '别人', mobile: '13800001111' },
    });
    expect(res.status).toBe(200);
    expect(res.body.data.idNumber).toBe(s.idNumber);
    expect(res.body.data.name).toBe('测试学生');
    expect(res.body.data.mobile).toBe('13800001111');
  });

  it('a stale version is a 409 and changes nothing', async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const events = await count('audit_events', 'record_id = ?', s.recordId);
    const res = await student.post(path(s.recordId, 'save'), { version: 7, data: { mobile: '13800002222' } });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('conflict');
    const row = await env.DB.prepare('SELECT version, data FROM records WHERE id = ?')
      .bind(s.recordId)
      .first<{ version: number; data: string }>();
    expect(row!.version).toBe(1);
    expect(JSON.parse(row!.data).mobile).not.toBe('13800002222');
    expect(await count('audit_events', 'record_id = ?', s.recordId)).toBe(events);
  });

  it('invalid form data is a 422 naming the field, and changes nothing', async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const res = await student.post(path(s.recordId, 'submit'), { version: 1, data: { mobile: '12345' } });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'mobile' })]));
    expect(await count('records', "id = ? AND state = 'imported' AND version = 1", s.recordId)).toBe(1);
  });

  it('a college reviewer may not approve a source record (wrong role → 403)', async () => {
    const s = await studentWithSourceRecord('submitted');
    const college = await TestClient.as('college');
    const res = await college.post(path(s.recordId, 'approve'), { version: 1 });
    expect(res.status).toBe(403);
  });

  it("another school's reviewer cannot even see the record (404)", async () => {
    const s = await studentWithSourceRecord('submitted');
    const other = await TestClient.as('school2');
    expect((await other.get(path(s.recordId))).status).toBe(404);
    expect((await other.post(path(s.recordId, 'approve'), { version: 1 })).status).toBe(404);
  });

  it('approving a record the student has not submitted is refused with its state (409)', async () => {
    const s = await studentWithSourceRecord('imported');
    const school = await TestClient.as('school');
    const res = await school.post(path(s.recordId, 'approve'), { version: 1 });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('invalid_state');
    expect(res.body.error.message).toContain('学校导入');
  });

  it('a reject without a reason is refused at the reason field', async () => {
    const s = await studentWithSourceRecord('submitted');
    const school = await TestClient.as('school');
    const res = await school.post(path(s.recordId, 'reject'), { version: 1, reason: '   ' });
    expect(res.status).toBe(422);
    expect(res.body.error.fields[0].path).toBe('reason');
    const ok = await school.post(path(s.recordId, 'reject'), { version: 1, reason: '生源所在地与档案不符' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ state: 'returned', stateLabel: '已退回' });
    expect(ok.body.timeline.at(-1).reason).toBe('生源所在地与档案不符');
  });

  it('school then province approval makes the student 省级通过 and findable', async () => {
    const s = await studentWithSourceRecord('submitted');
    const school = await TestClient.as('school');
    const province = await TestClient.as('province');
    expect((await school.post(path(s.recordId, 'approve'), { version: 1 })).body.state).toBe('school_approved');
    const done = await province.post(path(s.recordId, 'approve'), { version: 2 });
    expect(done.body).toMatchObject({ state: 'approved', stateLabel: '省级通过' });
    const student = await env.DB.prepare('SELECT source_state FROM students WHERE id = ?')
      .bind(s.studentId)
      .first<{ source_state: string }>();
    expect(student!.source_state).toBe('approved');
  });

  it('two reviewers approving at once: exactly one wins, the other gets 409, one audit event', async () => {
    const s = await studentWithSourceRecord('submitted');
    const [a, b] = await Promise.all([TestClient.as('school'), TestClient.as('school')]);
    const results = await Promise.all([
      a.post(path(s.recordId, 'approve'), { version: 1 }),
      b.post(path(s.recordId, 'approve'), { version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count('audit_events', "record_id = ? AND action = 'approve'", s.recordId)).toBe(1);
  });

  it('a transition body without a version is a 400', async () => {
    const s = await studentWithSourceRecord('submitted');
    const school = await TestClient.as('school');
    const res = await school.post(path(s.recordId, 'approve'), {});
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('version');
  });

  it('an unknown action is a 404', async () => {
    const s = await studentWithSourceRecord('submitted');
    const school = await TestClient.as('school');
    expect((await school.post(path(s.recordId, 'explode'), { version: 1 })).status).toBe(404);
  });
});

describe('record lists', () => {
  it('a school reviewer lists submitted records of their school only, newest first, with keyset pages', async () => {
    const mine = [
      await studentWithSourceRecord('submitted'),
      await studentWithSourceRecord('submitted'),
      await studentWithSourceRecord('submitted'),
    ];
    const foreign = await studentWithSourceRecord('submitted', { schoolId: 'sch-2', collegeId: 'col-3' });
    const school = await TestClient.as('school');
    const first = await school.get('/api/source-records?state=submitted&limit=2');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await school.get(`/api/source-records?state=submitted&limit=2&cursor=${first.body.nextCursor}`);
    const ids = [...first.body.items, ...second.body.items].map((i: { id: string }) => i.id);
    expect(ids).toEqual(expect.arrayContaining([mine[2]!.recordId, mine[1]!.recordId]));
    expect(ids).not.toContain(foreign.recordId);
    expect(first.body.items[0].id > first.body.items[1].id).toBe(true);
    expect(first.body.items[0].subtitle).toMatch(/\*{4,}/);
  });

  it('a bad limit is a 400, not a 500', async () => {
    const school = await TestClient.as('school');
    expect((await school.get('/api/source-records?limit=abc')).status).toBe(400);
    expect((await school.get('/api/source-records?cursor=%27%20OR%201=1')).status).toBe(400);
  });

  it('anonymous callers get 401', async () => {
    expect((await new TestClient().get('/api/source-records')).status).toBe(401);
  });
});

describe('reviewers see what changed', () => {
  it("the school sees the student's corrections against the imported values", async () => {
    const s = await studentWithSourceRecord('imported');
    await env.DB.prepare(`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, data_digest, snapshot)
      SELECT '000000000000' || id, id, kind, 'import', NULL, 'imported', 'acc-school', 'school', '学校', 'x', data FROM records WHERE id = ?`)
      .bind(s.recordId)
      .run();
    const student = await TestClient.as(s.username);
    await student.post(path(s.recordId, 'submit'), { version: 1, data: { mobile: '13800005555', originRegion: '320102' } });
    const school = await TestClient.as('school');
    const view = await school.get(path(s.recordId));
    expect(view.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ key: 'mobile', label: '手机号码', after: '13800005555' }),
        expect.objectContaining({ key: 'originRegion', before: '320106', after: '320102' }),
      ]),
    );
    expect(view.body.changes.map((c: { key: string }) => c.key)).not.toContain('name');
    expect(view.body.timeline[0]).toMatchObject({ action: 'import', actionLabel: '学校导入' });
  });
});

describe('review queues filter by school and college', () => {
  it('a school reviewer narrows the submitted queue to one college; the province to one school', async () => {
    const economics = await studentWithSourceRecord('submitted', { collegeId: 'col-2' });
    const computing = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    const school = await TestClient.as('school');
    const orgs = await school.get('/api/schools');
    expect(orgs.body.items).toHaveLength(1);
    expect(orgs.body.items[0].colleges.map((c: { name: string }) => c.name)).toEqual(
      expect.arrayContaining(['经济管理学院', '计算机科学与技术学院']),
    );
    const ids = (await school.get('/api/source-records?state=submitted&college=col-2&limit=100')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(ids).toContain(economics.recordId);
    expect(ids).not.toContain(computing.recordId);

    const foreign = await studentWithSourceRecord('school_approved', { schoolId: 'sch-2', collegeId: 'col-3' });
    const province = await TestClient.as('province');
    expect((await province.get('/api/schools')).body.items.length).toBeGreaterThanOrEqual(2);
    const sch2 = (await province.get('/api/source-records?state=school_approved&school=sch-2&limit=100')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(sch2).toContain(foreign.recordId);
    const sch1 = (await province.get('/api/source-records?state=school_approved&school=sch-1&limit=100')).body.items.map(
      (i: { id: string }) => i.id,
    );
    expect(sch1).not.toContain(foreign.recordId);
    expect((await province.get("/api/source-records?school=x'%20OR%201")).status).toBe(400);
  });
});

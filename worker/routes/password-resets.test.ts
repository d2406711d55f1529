/**
 * Nobody is locked out: a student's college or school reviewer, the centre (for employers) and the
 * admin (for reviewers) give an account a new one-time password. It is shown once, must be changed
 * at next sign-in, ends every session of the account and is audited — never the password itself.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ChainReport } from '../domain/audit/verify-chain';
import { TestClient } from '../test/client';
import { studentWithSourceRecord, verifiedEmployer } from '../test/fixtures';

const accountOf = (username: string) =>
  env.DB.prepare('SELECT id, password_hash, must_change_password FROM accounts WHERE username = ?')
    .bind(username)
    .first<{ id: string; password_hash: string; must_change_password: number }>();
const resetEvents = (accountId: string) =>
  env.DB.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id')
    .bind(`account:${accountId}`)
    .all<{ action: string; actor_id: string; actor_role: string; reason: string; snapshot: string }>()
    .then((r) => r.results);

async function signIn(username: string, password: string) {
  return new TestClient().post('/api/session', { username, password });
}

describe("a reviewer resets a student's password", () => {
  it("the college gets a one-time password shown once; the student's sessions end and the next sign-in must change it", async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const college = await TestClient.as('college');
    const res = await college.post(`/api/students/${s.studentId}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.headers.get('Cache-Control')).toBe('no-store');
    expect(res.body).toMatchObject({ username: s.idNumber, name: '测试学生' });
    expect(res.body.password).toMatch(/^[2-9a-z]{11}$/);

    expect((await student.get('/api/session')).status).toBe(401);
    expect((await signIn(s.username, 'demo1234')).status).toBe(401);
    const again = await signIn(s.username, res.body.password);
    expect(again.status).toBe(200);
    expect(again.body.user.mustChangePassword).toBe(true);

    const account = await accountOf(s.username);
    const events = await resetEvents(account!.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'reset-password', actor_role: 'college', reason: `重置 测试学生（${s.idNumber}）的密码` });
    expect(JSON.stringify(events[0])).not.toContain(res.body.password);
    expect(JSON.parse(events[0]!.snapshot)).toEqual({ username: s.idNumber, role: 'student', resetBy: 'college' });
  });

  it('the school resets any of its students; another college or school gets 404 and changes nothing', async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const before = await accountOf(s.username);
    for (const who of ['college2', 'school2']) {
      const res = await (await TestClient.as(who)).post(`/api/students/${s.studentId}/reset-password`);
      expect(res.status).toBe(404);
      expect(res.body.error.message).toBe('账号不存在或您无权重置其密码');
    }
    expect((await (await TestClient.as('province')).post(`/api/students/${s.studentId}/reset-password`)).status).toBe(403);
    expect((await (await TestClient.as('center')).post(`/api/students/${s.studentId}/reset-password`)).status).toBe(403);
    expect(await accountOf(s.username)).toEqual(before);
    expect((await student.get('/api/session')).status).toBe(200);

    const res = await (await TestClient.as('school')).post(`/api/students/${s.studentId}/reset-password`);
    expect(res.status).toBe(200);
    expect((await signIn(s.username, res.body.password)).body.user.mustChangePassword).toBe(true);
  });
});

describe('the centre resets an employer, the admin a reviewer', () => {
  it('the centre gives an employer a new one-time password and ends its sessions; a school may not', async () => {
    const e = await verifiedEmployer();
    const employer = await TestClient.as(e.username);
    expect((await (await TestClient.as('school')).post(`/api/employers/${e.employerId}/reset-password`)).status).toBe(403);
    expect((await employer.get('/api/session')).status).toBe(200);
    const res = await (await TestClient.as('center')).post(`/api/employers/${e.employerId}/reset-password`);
    expect(res.status).toBe(200);
    expect(res.body.username).toBe(e.username);
    expect((await employer.get('/api/session')).status).toBe(401);
    expect((await signIn(e.username, res.body.password)).body.user).toMatchObject({ role: 'employer', mustChangePassword: true });
    expect((await resetEvents(e.accountId)).map((x) => x.actor_role)).toEqual(['center']);
    expect((await (await TestClient.as('center')).post('/api/employers/no-such-employer/reset-password')).status).toBe(404);
  });

  it('the admin resets a reviewer, but not a student or another admin', async () => {
    const admin = await TestClient.as('admin');
    const reviewer = await TestClient.as('college2');
    const res = await admin.post('/api/accounts/college2/reset-password');
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('college2');
    expect((await reviewer.get('/api/session')).status).toBe(401);
    expect((await signIn('college2', res.body.password)).body.user.mustChangePassword).toBe(true);
    expect((await admin.post('/api/accounts/student/reset-password')).status).toBe(404);
    expect((await admin.post('/api/accounts/admin/reset-password')).status).toBe(404);
    expect((await (await TestClient.as('school')).post('/api/accounts/college/reset-password')).status).toBe(403);
  });
});

describe('a school issues new one-time passwords for a list of students', () => {
  it('answers a CSV of 用户名, 姓名, 一次性密码, by student id or ID number, and each password signs in', async () => {
    const a = await studentWithSourceRecord('imported');
    const b = await studentWithSourceRecord('approved', { collegeId: 'col-2' });
    const res = await (await TestClient.as('school')).post('/api/source-records/reset-passwords', {
      students: [a.idNumber.toLowerCase(), b.studentId],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toMatch(/^text\/csv/);
    const lines = (res.body as string)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('用户名,姓名,一次性密码');
    expect(lines).toHaveLength(3);
    for (const s of [a, b]) {
      const [username, name, password] = lines.find((l) => l.includes(s.idNumber))!.split(',');
      // the ID number is kept as text for Excel (a tab inside quotes), not turned into 3.2E+17
      expect(username).toBe(`"\t${s.idNumber}"`);
      expect(name).toBe('测试学生');
      expect((await signIn(s.username, password!)).body.user.mustChangePassword).toBe(true);
    }
  });

  it("a list longer than one statement's 100 parameters is reset in one go", async () => {
    const many = [];
    for (let i = 0; i < 60; i++) many.push(await studentWithSourceRecord('imported'));
    const res = await (await TestClient.as('school')).post('/api/source-records/reset-passwords', {
      students: many.map((s) => s.idNumber),
    });
    expect(res.status).toBe(200);
    expect((res.body as string).trim().split('\r\n')).toHaveLength(61);
    const forced = await env.DB.prepare(
      `SELECT COUNT(*) AS n FROM accounts WHERE must_change_password = 1 AND username IN (SELECT value FROM json_each(?))`,
    )
      .bind(JSON.stringify(many.map((s) => s.username)))
      .first<number>('n');
    expect(forced).toBe(60);
  });

  it('more than 100 at once is refused before anything is reset', async () => {
    const res = await (await TestClient.as('school')).post('/api/source-records/reset-passwords', {
      students: Array.from({ length: 101 }, (_, i) => `stu-none-${i}`),
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'too_many', message: '一次最多重置 100 名学生的密码' });
  });

  it('a list naming a student of another school resets nobody', async () => {
    const mine = await studentWithSourceRecord('imported');
    const theirs = await studentWithSourceRecord('imported', { schoolId: 'sch-2', collegeId: 'col-3' });
    const before = await accountOf(mine.username);
    const res = await (await TestClient.as('school')).post('/api/source-records/reset-passwords', {
      students: [mine.studentId, theirs.idNumber],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([{ path: 'students', code: 'not_found', message: `未找到：${theirs.idNumber}` }]);
    expect(await accountOf(mine.username)).toEqual(before);
    expect(
      (await (await TestClient.as('college')).post('/api/source-records/reset-passwords', { students: [mine.studentId] })).status,
    ).toBe(403);
  });

  it('after all these resets the audit chain still verifies', async () => {
    const s = await studentWithSourceRecord('imported');
    const school = await TestClient.as('school');
    expect((await school.post(`/api/students/${s.studentId}/reset-password`)).status).toBe(200);
    expect((await school.post(`/api/students/${s.studentId}/reset-password`)).status).toBe(200);
    const report = (await (await TestClient.as('admin')).get<ChainReport>('/api/audit/verify')).body;
    expect(report.problems).toEqual([]);
    expect(report.ok).toBe(true);
  });
});

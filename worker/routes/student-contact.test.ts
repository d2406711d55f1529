/**
 * 基本信息: a student keeps one set of contact details (手机号码, 电子邮箱, QQ, 微信), may change them
 * at any time, and every reader — the employer lookup, new agreements — takes them from there.
 * Identity fields stay as reviewed. Each change is audited, and the audit chain still verifies.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ChainReport } from '../domain/audit/verify-chain';
import { TestClient } from '../test/client';
import { workerFetch } from '../test/worker-fetch';
import { count, studentWithSourceRecord, uniqueMobile, verifiedEmployer } from '../test/fixtures';

const lookupByPhone = (phone: string) => `/api/students/lookup?school=sch-1&cohort=2027&phone=${phone}`;
const studentRow = (id: string) =>
  env.DB.prepare('SELECT phone, email, qq, wechat, contact_updated_at FROM students WHERE id = ?')
    .bind(id)
    .first<{ phone: string; email: string | null; qq: string | null; wechat: string | null; contact_updated_at: string | null }>();
const contactEvents = (studentId: string) =>
  env.DB.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id')
    .bind(`contact:${studentId}`)
    .all<{ action: string; actor_role: string; reason: string; snapshot: string; hash: string; prev_hash: string }>()
    .then((r) => r.results);

describe('a student changes their contact details on 基本信息', () => {
  it('shows the reviewed identity read-only and the contact details, and saves new ones with an audit event', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const before = await student.get('/api/students/me/contact');
    expect(before.status).toBe(200);
    expect(before.body.identity).toMatchObject({
      name: '测试学生',
      idNumber: s.idNumber,
      schoolName: '江苏示范大学',
      collegeName: '计算机科学与技术学院',
      cohort: 2027,
    });
    expect(before.body.contact).toEqual({ mobile: s.mobile, email: null, qq: null, wechat: null });

    const mobile = uniqueMobile();
    const saved = await student.request('PUT', '/api/students/me/contact', {
      mobile,
      email: 'sy.li@example.cn',
      qq: '12345678',
      wechat: 'wx_siyuan2027',
      idNumber: '110101199001011237',
      name: '改名',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.contact).toEqual({ mobile, email: 'sy.li@example.cn', qq: '12345678', wechat: 'wx_siyuan2027' });
    expect(saved.body.changed).toEqual(['手机号码', '电子邮箱', 'QQ', '微信']);
    // identity fields are not the student's to change here
    expect(saved.body.identity).toMatchObject({ name: '测试学生', idNumber: s.idNumber });
    expect((await student.get('/api/students/me/contact')).body.contact.mobile).toBe(mobile);

    const events = await contactEvents(s.studentId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'change-contact', actor_role: 'student', reason: '修改：手机号码、电子邮箱、QQ、微信' });
    expect(JSON.parse(events[0]!.snapshot)).toEqual({ mobile, email: 'sy.li@example.cn', qq: '12345678', wechat: 'wx_siyuan2027' });

    // a second change links to the first, and the whole chain verifies
    expect((await student.request('PUT', '/api/students/me/contact', { mobile, qq: '87654321' })).body.changed).toEqual([
      '电子邮箱',
      'QQ',
      '微信',
    ]);
    const both = await contactEvents(s.studentId);
    expect(both[1]!.prev_hash).toBe(both[0]!.hash);
    const report = (await (await TestClient.as('admin')).get<ChainReport>('/api/audit/verify')).body;
    expect(report.problems.filter((p) => p.recordId === `contact:${s.studentId}`)).toEqual([]);
  });

  it('bad details are refused field by field and nothing changes', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const res = await student.request('PUT', '/api/students/me/contact', {
      mobile: '1380000',
      email: 'not-an-email',
      qq: '0123',
      wechat: '1abc',
    });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('联系方式未保存，请检查标红的字段');
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['mobile', 'email', 'qq', 'wechat']);
    expect(res.body.error.fields.find((f: { path: string }) => f.path === 'wechat').message).toMatch(/以字母开头/);
    expect((await studentRow(s.studentId))!.phone).toBe(s.mobile);
    expect(await contactEvents(s.studentId)).toHaveLength(0);
  });

  it('only a student has 基本信息', async () => {
    const college = await TestClient.as('college');
    expect((await college.get('/api/students/me/contact')).status).toBe(403);
    expect((await college.request('PUT', '/api/students/me/contact', { mobile: '13800001111' })).status).toBe(403);
    expect((await new TestClient().get('/api/students/me/contact')).status).toBe(401);
  });
});

describe('everyone reads the contact details from that one place', () => {
  it('an employer finds the student by the new phone (not the old one), and a new agreement is prefilled with it', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const employer = await TestClient.as((await verifiedEmployer()).username);
    const mobile = uniqueMobile();
    expect((await student.request('PUT', '/api/students/me/contact', { mobile, email: 'new.mail@example.cn' })).status).toBe(200);

    const found = await employer.get(lookupByPhone(mobile));
    expect(found.status).toBe(200);
    expect(found.body.items.map((i: { studentId: string }) => i.studentId)).toEqual([s.studentId]);
    expect(found.body.items[0].phone).toBe(`*******${mobile.slice(-4)}`);
    expect((await employer.get(lookupByPhone(s.mobile))).status).toBe(404);

    const prepared = await student.get('/api/agreements/new?mode=offline');
    expect(prepared.status).toBe(200);
    expect(prepared.body.data).toMatchObject({ mobile, email: 'new.mail@example.cn', idNumber: s.idNumber, name: expect.any(String) });
  });

  it("a school correcting the roster record does not take the student's own phone away", async () => {
    const s = await studentWithSourceRecord('imported');
    const student = await TestClient.as(s.username);
    const mobile = uniqueMobile();
    expect((await student.request('PUT', '/api/students/me/contact', { mobile })).status).toBe(200);
    const school = await TestClient.as('school');
    const record = (await school.get(`/api/source-records/${s.recordId}`)).body;
    const corrected = await school.post(`/api/source-records/${s.recordId}/correct`, {
      version: record.version,
      data: { ...record.data, mobile: uniqueMobile() },
    });
    expect(corrected.status).toBe(200);
    expect((await studentRow(s.studentId))!.phone).toBe(mobile);
  });

  it("a school re-importing its roster keeps the phone the student set (and a fresh student still gets the roster's)", async () => {
    const mine = await studentWithSourceRecord('imported');
    const untouched = await studentWithSourceRecord('imported');
    const mobile = uniqueMobile();
    expect((await (await TestClient.as(mine.username)).request('PUT', '/api/students/me/contact', { mobile })).status).toBe(200);
    const rosterPhone = [uniqueMobile(), uniqueMobile()];
    const rows = [mine, untouched].map((s, i) =>
      [
        '测试学生',
        s.idNumber,
        '1',
        '计算机科学与技术学院',
        '软件工程',
        '31',
        '2027',
        '320106',
        rosterPhone[i],
        `20239${i}0001`,
        `23320106109${i}01`,
      ].join(','),
    );
    const form = new FormData();
    form.append(
      'file',
      new Blob(['姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码,学号,考生号\r\n' + rows.join('\r\n') + '\r\n']),
      'roster.csv',
    );
    const school = await TestClient.as('school');
    const res = await workerFetch(
      new Request('https://wangqian.test/api/source-records/import', {
        method: 'POST',
        body: form,
        headers: { Cookie: (school as unknown as { cookie: string }).cookie, Origin: 'https://wangqian.test' },
      }),
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ updated: 2 });
    expect((await studentRow(mine.studentId))!.phone).toBe(mobile);
    expect((await studentRow(untouched.studentId))!.phone).toBe(rosterPhone[1]);
  });

  it('the details confirmed at first sign-in go to the same place', async () => {
    const s = await studentWithSourceRecord('imported');
    await env.DB.prepare('UPDATE accounts SET identity_confirmed_at = NULL WHERE username = ?').bind(s.username).run();
    const student = await TestClient.as(s.username);
    expect((await student.get('/api/students/me/contact')).body.error.code).toBe('identity_confirmation_required');
    const mobile = uniqueMobile();
    const before = await count('audit_events', 'record_id = ?', `contact:${s.studentId}`);
    const confirmed = await student.post('/api/session/identity', {
      idNumber: s.idNumber,
      mobile,
      email: 'first@example.cn',
      wechat: 'first_wx01',
    });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.user.identityConfirmed).toBe(true);
    expect((await student.get('/api/students/me/contact')).body.contact).toEqual({
      mobile,
      email: 'first@example.cn',
      qq: null,
      wechat: 'first_wx01',
    });
    expect((await contactEvents(s.studentId)).map((e) => e.action)).toEqual(['confirm-identity']);
    expect(before).toBe(0);
  });
});

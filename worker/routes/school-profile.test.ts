/**
 * 学校信息: the school reviewer keeps the school's part of every agreement (就业主管部门, 联系人,
 * 电话, 地址, 邮编) once, and each agreement waiting for the school opens with it prefilled — only
 * where the agreement is still empty, and what the reviewer submits stays on that agreement.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ChainReport } from '../domain/audit/verify-chain';
import { TestClient } from '../test/client';
import { demo, onlineAgreementIn } from '../test/scenarios';

const PROFILE = {
  authority: '江苏示范大学学生就业指导中心',
  contact: '王老师',
  phone: '025-83591234',
  address: '南京市玄武区示范路 1 号',
  postcode: '210096',
};

const profileRow = (schoolId: string) =>
  env.DB.prepare('SELECT * FROM school_profiles WHERE school_id = ?')
    .bind(schoolId)
    .first<{ authority: string; contact: string; phone: string; address: string | null; postcode: string | null; updated_by: string }>();
const profileEvents = (schoolId: string) =>
  env.DB.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id')
    .bind(`school-profile:${schoolId}`)
    .all<{ action: string; actor_role: string; reason: string; snapshot: string; hash: string; prev_hash: string }>()
    .then((r) => r.results);

describe('the school keeps its 学校信息 once', () => {
  it('reads an empty profile, saves it with an audit event, and a change is audited again', async () => {
    const school = await demo('school');
    const before = await school.get('/api/schools/me/profile');
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ school: { name: '江苏示范大学' }, profile: null, updatedAt: null });

    const saved = await school.request('PUT', '/api/schools/me/profile', { ...PROFILE, authority: `  ${PROFILE.authority} ` });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual(PROFILE);
    expect(saved.body.changed).toEqual(['就业主管部门', '联系人', '联系电话', '通讯地址', '邮编']);
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    expect((await school.get('/api/schools/me/profile')).body.profile).toEqual(PROFILE);
    expect(await profileRow('sch-1')).toMatchObject({ ...PROFILE, updated_by: 'acc-school' });

    const events = await profileEvents('sch-1');
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'change-school-profile',
      actor_role: 'school',
      reason: '修改：就业主管部门、联系人、联系电话、通讯地址、邮编',
    });
    expect(JSON.parse(events[0]!.snapshot)).toEqual(PROFILE);

    // a mobile number is a phone too; the optional fields may be cleared
    const changed = await school.request('PUT', '/api/schools/me/profile', {
      ...PROFILE,
      phone: '13912345678',
      address: '',
      postcode: null,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.profile).toEqual({ ...PROFILE, phone: '13912345678', address: null, postcode: null });
    expect(changed.body.changed).toEqual(['联系电话', '通讯地址', '邮编']);
    const both = await profileEvents('sch-1');
    expect(both).toHaveLength(2);
    expect(both[1]!.prev_hash).toBe(both[0]!.hash);
    const report = (await (await TestClient.as('admin')).get<ChainReport>('/api/audit/verify')).body;
    expect(report.problems.filter((p) => p.recordId === 'school-profile:sch-1')).toEqual([]);

    // back to the full profile for the tests below
    expect((await school.request('PUT', '/api/schools/me/profile', PROFILE)).status).toBe(200);
  });

  it('bad input is refused field by field with 422, and nothing is written', async () => {
    const school = await demo('school');
    const rowBefore = await profileRow('sch-1');
    const eventsBefore = (await profileEvents('sch-1')).length;
    const res = await school.request('PUT', '/api/schools/me/profile', {
      authority: '',
      contact: '王'.repeat(31),
      phone: '83591234',
      address: 42,
      postcode: '2100',
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'validation', message: '学校信息未保存，请检查标红的字段' });
    expect(res.body.error.fields).toEqual([
      { path: 'authority', code: 'required', message: '请填写就业主管部门' },
      { path: 'contact', code: 'maxLength', message: '联系人最多 30 个字' },
      { path: 'phone', code: 'format', message: expect.stringMatching(/区号-号码/) },
      { path: 'address', code: 'type', message: '通讯地址必须是文字' },
      { path: 'postcode', code: 'format', message: '邮编为 6 位数字' },
    ]);
    const empty = await school.request('PUT', '/api/schools/me/profile', {});
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['authority', 'contact', 'phone']);
    expect(await profileRow('sch-1')).toEqual(rowBefore);
    expect(await profileEvents('sch-1')).toHaveLength(eventsBefore);
  });

  it("another school's reviewer has its own profile and cannot touch this one; other roles are refused", async () => {
    const school2 = await demo('school2');
    const own = await school2.get('/api/schools/me/profile');
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ school: { name: '苏州示范学院' }, profile: null });
    const before = await profileRow('sch-1');
    const saved = await school2.request('PUT', '/api/schools/me/profile', {
      authority: '苏州示范学院就业处',
      contact: '李老师',
      phone: '0512-65881234',
    });
    expect(saved.status).toBe(200);
    expect(saved.body.profile).toEqual({
      authority: '苏州示范学院就业处',
      contact: '李老师',
      phone: '0512-65881234',
      address: null,
      postcode: null,
    });
    expect(await profileRow('sch-1')).toEqual(before);
    expect((await (await demo('school')).get('/api/schools/me/profile')).body.profile).toEqual(PROFILE);

    for (const who of ['student', 'employer', 'college', 'province', 'center', 'admin']) {
      const client = await demo(who);
      const read = await client.get('/api/schools/me/profile');
      expect(read.status, who).toBe(403);
      expect(read.body.error.code, who).toBe('forbidden');
      expect((await client.request('PUT', '/api/schools/me/profile', PROFILE)).status, who).toBe(403);
    }
    expect((await new TestClient().get('/api/schools/me/profile')).status).toBe(401);
    expect(await profileRow('sch-1')).toEqual(before);
  });
});

describe('an agreement waiting for the school opens with the school part prefilled', () => {
  const PREFILL = {
    schoolAuthority: PROFILE.authority,
    schoolContact: PROFILE.contact,
    schoolPhone: PROFILE.phone,
    schoolAddress: PROFILE.address,
    schoolPostcode: PROFILE.postcode,
  };

  it('offers the profile for the empty school fields, and the approval writes them onto the agreement', async () => {
    const school = await demo('school');
    expect((await school.request('PUT', '/api/schools/me/profile', PROFILE)).status).toBe(200);
    const agreement = await onlineAgreementIn('school_review');

    const opened = await school.get(`/api/agreements/${agreement.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.step).toBe('review');
    expect(opened.body.prefill).toEqual(PREFILL);
    // only offered: nothing is on the agreement until the reviewer submits
    expect(opened.body.data.schoolAuthority).toBeUndefined();
    // the college, the student and the employer are not filling the school step
    for (const who of ['college', 'employer'])
      expect((await (await demo(who)).get(`/api/agreements/${agreement.id}`)).body.prefill, who).toEqual({});
    expect((await agreement.student.get(`/api/agreements/${agreement.id}`)).body.prefill).toEqual({});

    const approved = await school.post(`/api/agreements/${agreement.id}/approve`, {
      version: opened.body.version,
      data: { ...opened.body.data, ...opened.body.prefill, schoolOpinion: '同意' },
    });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('approved');
    expect(approved.body.data).toMatchObject({ ...PREFILL, schoolOpinion: '同意' });

    // a later change of the profile leaves the approved agreement as it was signed
    expect((await school.request('PUT', '/api/schools/me/profile', { ...PROFILE, contact: '赵老师' })).status).toBe(200);
    const later = await school.get(`/api/agreements/${agreement.id}`);
    expect(later.body.data.schoolContact).toBe('王老师');
    expect(later.body.prefill).toEqual({});
    expect((await school.request('PUT', '/api/schools/me/profile', PROFILE)).status).toBe(200);
  });

  it('never overwrites a value already on the agreement', async () => {
    const school = await demo('school');
    const agreement = await onlineAgreementIn('school_review');
    // the reviewer's own value for this agreement (e.g. a different contact for this student)
    await env.DB.prepare("UPDATE records SET data = json_set(data, '$.schoolContact', '刘老师', '$.schoolPostcode', '') WHERE id = ?")
      .bind(agreement.id)
      .run();

    const opened = await school.get(`/api/agreements/${agreement.id}`);
    expect(opened.body.data.schoolContact).toBe('刘老师');
    const { schoolContact: _typed, ...rest } = PREFILL;
    // an empty string counts as empty
    expect(opened.body.prefill).toEqual(rest);
  });

  it("a school without a profile gets no prefill, and another school's reviewer does not see the agreement", async () => {
    const agreement = await onlineAgreementIn('school_review');
    expect((await (await demo('school2')).get(`/api/agreements/${agreement.id}`)).status).toBe(404);
    await env.DB.prepare("DELETE FROM school_profiles WHERE school_id = 'sch-1'").run();
    const opened = await (await demo('school')).get(`/api/agreements/${agreement.id}`);
    expect(opened.status).toBe(200);
    expect(opened.body.prefill).toEqual({});
  });
});

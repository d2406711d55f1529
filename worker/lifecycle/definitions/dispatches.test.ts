import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { approvedOnlineAgreement } from '../../test/signing';

/** A 1×1 PNG: what a phone photo of the stamped agreement is, as far as the server can tell. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='), (c) =>
  c.charCodeAt(0),
);

async function dispatchOf(student: TestClient) {
  const list = await student.get('/api/dispatches');
  return student.get(`/api/dispatches/${list.body.items[0].id}`);
}

describe('派遣信息上报', () => {
  it('school approval opens 未确认 prefilled from the agreement; the student saves, uploads proof, submits; college → school → centre approve', async () => {
    const s = await studentWithSourceRecord('approved');
    const { student, college, school } = await approvedOnlineAgreement(s.username, s.studentId);
    const opened = await dispatchOf(student);
    expect(opened.body).toMatchObject({ state: 'unconfirmed', stateLabel: '未确认' });
    expect(opened.body.data).toMatchObject({
      employerName: '南京云帆信息科技有限公司',
      creditCode: '91320106MA1XY012AY',
      archiveUnitName: '南京云帆信息科技有限公司人事部',
    });

    // a draft save without the photos is fine; the submission without them is not
    const saved = await student.post(`/api/dispatches/${opened.body.id}/save`, {
      version: 1,
      data: { ...opened.body.data, householdAddress: '江苏省南京市鼓楼区汉中路 1 号集体户' },
    });
    expect(saved.status).toBe(200);
    const noProof = await student.post(`/api/dispatches/${opened.body.id}/submit`, { version: 2, data: saved.body.data });
    expect(noProof.status).toBe(422);
    expect(noProof.body.error.fields.map((f: { path: string }) => f.path)).toContain('proofPhotos');

    const photo = await student.upload('/api/files', PNG, 'agreement.png', 'image/png');
    expect(photo.status).toBe(201);
    const submitted = await student.post(`/api/dispatches/${opened.body.id}/submit`, {
      version: 2,
      data: { ...saved.body.data, proofPhotos: [photo.body.id] },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.body.state).toBe('college_review');

    // the reviewers can open the proof photo now that it is attached to the record
    expect((await college.get(`/api/files/${photo.body.id}`)).status).toBe(200);
    expect((await (await TestClient.as('school2')).get(`/api/files/${photo.body.id}`)).status).toBe(404);

    expect((await college.post(`/api/dispatches/${opened.body.id}/approve`, { version: 3 })).body.state).toBe('school_review');
    expect((await school.post(`/api/dispatches/${opened.body.id}/approve`, { version: 4 })).body.state).toBe('center_review');
    const center = await TestClient.as('center');
    const approved = await center.post(`/api/dispatches/${opened.body.id}/approve`, { version: 5 });
    expect(approved.body).toMatchObject({ state: 'approved', stateLabel: '报到证待打印' });

    const csv = await center.get('/api/dispatches/export?format=csv');
    expect(csv.status).toBe(200);
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]!.split(',').slice(0, 3)).toEqual(['考生号', '身份证号', '姓名']);
    const header = lines[0]!.split(',');
    const mine = lines.find((l) => l.includes(s.idNumber))!.split(',');
    expect(mine[header.indexOf('毕业去向代码')]).toBe('10');
    expect(mine[header.indexOf('单位性质代码')]).toBe('39');
    expect(mine[header.indexOf('单位所在地代码')]).toBe('320106');
    expect(header.indexOf('单位名称')).toBeLessThan(header.indexOf('档案转寄单位名称'));
  });

  it("a reviewer's reject returns it to the student with the reason", async () => {
    const s = await studentWithSourceRecord('approved');
    const { student, college } = await approvedOnlineAgreement(s.username, s.studentId);
    const opened = await dispatchOf(student);
    const photo = await student.upload('/api/files', PNG, 'a.png', 'image/png');
    await student.post(`/api/dispatches/${opened.body.id}/submit`, {
      version: 1,
      data: { ...opened.body.data, proofPhotos: [photo.body.id] },
    });
    const returned = await college.post(`/api/dispatches/${opened.body.id}/reject`, { version: 2, reason: '照片不清晰，请重新上传' });
    expect(returned.body).toMatchObject({ state: 'returned', stateLabel: '已退回' });
    const seen = await student.get(`/api/dispatches/${opened.body.id}`);
    expect(seen.body.timeline.at(-1).reason).toBe('照片不清晰，请重新上传');
    expect(seen.body.actions.map((a: { name: string }) => a.name)).toEqual(expect.arrayContaining(['save', 'submit']));
  });

  it('a file uploaded by another student cannot be attached as proof', async () => {
    const s = await studentWithSourceRecord('approved');
    const { student } = await approvedOnlineAgreement(s.username, s.studentId);
    const opened = await dispatchOf(student);
    const other = await TestClient.as('student');
    const foreign = await other.upload('/api/files', PNG, 'x.png', 'image/png');
    const res = await student.post(`/api/dispatches/${opened.body.id}/submit`, {
      version: 1,
      data: { ...opened.body.data, proofPhotos: [foreign.body.id] },
    });
    expect(res.status).toBe(422);
    expect(await count('records', "id = ? AND state = 'unconfirmed'", opened.body.id)).toBe(1);
  });

  it('only the centre and schools may export', async () => {
    expect((await (await TestClient.as('student')).get('/api/dispatches/export')).status).toBe(403);
    expect((await (await TestClient.as('center')).get('/api/dispatches/export?format=pdf')).status).toBe(400);
  });
});

describe('派遣信息: refusals', () => {
  it('wrong role, another college, a stale version, and approving out of turn are refused and change nothing', async () => {
    const s = await studentWithSourceRecord('approved');
    const { student, college } = await approvedOnlineAgreement(s.username, s.studentId);
    const opened = await dispatchOf(student);
    const photo = await student.upload('/api/files', PNG, 'a.png', 'image/png');
    await student.post(`/api/dispatches/${opened.body.id}/submit`, {
      version: 1,
      data: { ...opened.body.data, proofPhotos: [photo.body.id] },
    });
    // the student cannot approve their own record
    expect((await student.post(`/api/dispatches/${opened.body.id}/approve`, { version: 2 })).status).toBe(403);
    // a reviewer of another college cannot see it
    expect((await (await TestClient.as('college2')).post(`/api/dispatches/${opened.body.id}/approve`, { version: 2 })).status).toBe(404);
    // the centre cannot approve before the college and the school
    const early = await (await TestClient.as('center')).post(`/api/dispatches/${opened.body.id}/approve`, { version: 2 });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('invalid_state');
    // a stale version loses
    expect((await college.post(`/api/dispatches/${opened.body.id}/approve`, { version: 1 })).status).toBe(409);
    // a reject needs a reason
    expect((await college.post(`/api/dispatches/${opened.body.id}/reject`, { version: 2 })).status).toBe(422);
    expect(await count('records', "id = ? AND state = 'college_review' AND version = 2", opened.body.id)).toBe(1);
    expect(await count('audit_events', "record_id = ? AND action IN ('approve','reject')", opened.body.id)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { enterOfflineAgreement, jobTerms } from '../../test/signing';

/** What a student types from the signed paper agreement (线下签约). */
function paperAgreement(overrides: Record<string, unknown> = {}) {
  const { deadline: _deadline, ...terms } = jobTerms();
  return {
    employerName: '无锡星河精密机械有限公司',
    creditCode: '91320000134765432Y',
    unitNature: '39',
    industry: 'C',
    employerRegion: '320211',
    ...terms,
    ...overrides,
  };
}

describe('线下签约: the student enters the signed paper agreement', () => {
  it('entered, edited before any review, returned with a reason, corrected, approved', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const created = await enterOfflineAgreement(student, paperAgreement());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'college_review', mode: 'offline' });
    expect(created.body.number).toMatch(/^910012027\d{6}$/);
    expect(created.body.data).toMatchObject({ name: '测试学生', idNumber: s.idNumber, schoolName: '江苏示范大学' });

    // while no reviewer has acted the student may change it directly
    const edited = await student.post(`/api/agreements/${created.body.id}/edit`, {
      version: 1,
      data: { ...created.body.data, monthlySalary: 9000 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ state: 'college_review', version: 2 });

    const college = await TestClient.as('college');
    const returned = await college.post(`/api/agreements/${created.body.id}/reject`, { version: 2, reason: '单位名称与公章不一致' });
    expect(returned.body).toMatchObject({ state: 'returned', stateLabel: '退回修改' });
    const seen = await student.get(`/api/agreements/${created.body.id}`);
    expect(seen.body.timeline.at(-1).reason).toBe('单位名称与公章不一致');
    expect(seen.body.actions.map((a: { name: string }) => a.name)).toEqual(['resubmit']);

    const again = await student.post(`/api/agreements/${created.body.id}/resubmit`, {
      version: 3,
      data: { ...seen.body.data, employerName: '无锡星河精密机械股份有限公司' },
    });
    expect(again.body.state).toBe('college_review');
    await college.post(`/api/agreements/${created.body.id}/approve`, { version: 4 });
    // after a reviewer acted the student can no longer edit
    expect((await student.post(`/api/agreements/${created.body.id}/edit`, { version: 5, data: seen.body.data })).status).toBe(409);
    const school = await TestClient.as('school');
    const approved = await school.post(`/api/agreements/${created.body.id}/approve`, { version: 5, data: {} });
    expect(approved.body).toMatchObject({ state: 'approved', stateLabel: '学校审核通过' });
    expect(await count('records', "kind = 'dispatches' AND parent_id = ?", created.body.id)).toBe(1);
  });

  it('the student cannot change identity fields on the agreement', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const created = await enterOfflineAgreement(student, paperAgreement({ name: '冒名顶替', idNumber: '110101199003077777' }));
    expect(created.status).toBe(201);
    expect(created.body.data).toMatchObject({ name: '测试学生', idNumber: s.idNumber });
  });

  it('a student whose source record is not 省级通过 cannot enter an agreement', async () => {
    const s = await studentWithSourceRecord('school_approved');
    const res = await enterOfflineAgreement(await TestClient.as(s.username), paperAgreement());
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('省级通过');
  });

  it('a second agreement while one is active is refused', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    expect((await enterOfflineAgreement(student, paperAgreement())).status).toBe(201);
    const second = await enterOfflineAgreement(student, paperAgreement());
    expect(second.status).toBe(409);
    expect(await count('records', "kind = 'agreements' AND student_id = ?", s.studentId)).toBe(1);
  });

  it('missing employer fields are reported at their paths and nothing is written', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const res = await enterOfflineAgreement(student, paperAgreement({ employerName: '', creditCode: '91320000134765431Y' }));
    expect(res.status).toBe(422);
    expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(expect.arrayContaining(['employerName', 'creditCode']));
    expect(await count('records', "kind = 'agreements' AND student_id = ?", s.studentId)).toBe(0);
  });

  it('only offline agreements can be created directly', async () => {
    const s = await studentWithSourceRecord('approved');
    const res = await (await TestClient.as(s.username)).post('/api/agreements', { mode: 'online', data: paperAgreement() });
    expect(res.status).toBe(422);
    expect((await (await TestClient.as('employer')).post('/api/agreements', { mode: 'offline', data: {} })).status).toBe(403);
  });
});

describe('线下签约 预览确认: the student sees the agreement with its number before it goes to the college', () => {
  it('without the preview the agreement is refused (422 preview_required) and nothing is written', async () => {
    const s = await studentWithSourceRecord('approved');
    const res = await (await TestClient.as(s.username)).post('/api/agreements', { mode: 'offline', data: paperAgreement() });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'preview_required', message: expect.stringContaining('请先预览协议书') });
    expect(await count('records', "kind = 'agreements' AND student_id = ?", s.studentId)).toBe(0);
  });

  it('the preview shows the agreement as it will be stored and the number it gets; the confirmed create takes exactly that number', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const preview = await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement() });
    expect(preview.status).toBe(200);
    expect(preview.body.number).toMatch(/^910012027\d{6}$/);
    expect(preview.body.form).toMatchObject({ key: 'agreement' });
    // what the record will hold: the reviewed identity from the source record, not what was typed
    expect(preview.body.data).toMatchObject({
      name: '测试学生',
      idNumber: s.idNumber,
      schoolName: '江苏示范大学',
      employerName: '无锡星河精密机械有限公司',
    });
    expect(await count('records', "kind = 'agreements' AND student_id = ?", s.studentId)).toBe(0);

    // previewing the same again keeps the number; another student's agreement in between does not take it
    expect((await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement() })).body.number).toBe(
      preview.body.number,
    );
    const other = await enterOfflineAgreement(await TestClient.as((await studentWithSourceRecord('approved')).username), paperAgreement());
    expect(other.body.number).not.toBe(preview.body.number);

    const created = await student.post('/api/agreements', { mode: 'offline', data: paperAgreement() });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'college_review', number: preview.body.number });
    expect(created.body.data).toEqual(preview.body.data);
  });

  it('data changed after the preview must be previewed again, and keeps the number shown', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const first = await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement({ monthlySalary: 8000 }) });
    const changed = await student.post('/api/agreements', { mode: 'offline', data: paperAgreement({ monthlySalary: 9000 }) });
    expect(changed.status).toBe(422);
    expect(changed.body.error.code).toBe('preview_required');
    const again = await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement({ monthlySalary: 9000 }) });
    expect(again.body.number).toBe(first.body.number);
    // the first preview's data is no longer what the student confirms
    expect(
      (await student.post('/api/agreements', { mode: 'offline', data: paperAgreement({ monthlySalary: 8000 }) })).body.error.code,
    ).toBe('preview_required');
    const created = await student.post('/api/agreements', { mode: 'offline', data: paperAgreement({ monthlySalary: 9000 }) });
    expect(created.body).toMatchObject({ number: first.body.number, data: { monthlySalary: 9000 } });
  });

  it('the preview checks what the create checks: only the student, 省级通过, no active agreement, a valid form', async () => {
    expect(
      (await (await TestClient.as('employer')).post('/api/agreements/preview', { mode: 'offline', data: paperAgreement() })).status,
    ).toBe(403);
    const notYet = await studentWithSourceRecord('school_approved');
    expect(
      (await (await TestClient.as(notYet.username)).post('/api/agreements/preview', { mode: 'offline', data: paperAgreement() })).status,
    ).toBe(422);
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const bad = await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement({ employerName: '' }) });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toContain('employerName');
    expect((await enterOfflineAgreement(student, paperAgreement())).status).toBe(201);
    const active = await student.post('/api/agreements/preview', { mode: 'offline', data: paperAgreement() });
    expect(active.status).toBe(409);
    expect(active.body.error.code).toBe('active_agreement');
  });
});

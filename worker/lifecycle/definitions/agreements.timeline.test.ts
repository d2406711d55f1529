/**
 * 协议书's 办理记录: every step of the table named as the table names it (学院审核通过 and 学校审核通过
 * apart, the online and offline returns apart), and what other records write onto an agreement —
 * the student accepting an invitation, an agreed amendment, a completed termination — named by
 * the table's recorded events, their text a note rather than a reason.
 */
import { describe, expect, it } from 'vitest';
import { studentWithSourceRecord } from '../../test/fixtures';
import { demo, onlineAgreementIn, paperAgreement, terminationIn } from '../../test/scenarios';
import { enterOfflineAgreement } from '../../test/signing';
import { TestClient } from '../../test/client';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { agreements } from './agreements';

describe('协议书 办理记录', () => {
  it('names each of its transitions as the table does, the reviewers in Chinese, a reason only where one was given', async () => {
    const walk = new TimelineWalk(agreements);
    const college = { client: await demo('college'), role: 'college' as const };
    const school = { client: await demo('school'), role: 'school' as const };

    // 线下: entered from paper, changed, returned by the college and by the school, resubmitted, approved
    const fixture = await studentWithSourceRecord('approved');
    const student = { client: await TestClient.as(fixture.username), role: 'student' as const };
    // 学生录入 → 预览确认 → 提交: the create takes the previewed agreement
    const created = await enterOfflineAgreement(student.client, paperAgreement());
    expect(created.status).toBe(201);
    let a: Seen = created.body;
    expectNoteEntry(a.timeline[0], { action: 'create', label: agreements.create!.label, role: 'student', note: null });
    expect(a.timeline[0]!.label).toBe('录入线下协议书');
    a = await walk.take(student, a, 'edit', { data: { ...a.data, monthlySalary: 9000 } });
    a = await walk.take(college, a, 'reject', { reason: '公章不清晰' }, 'returned');
    a = await walk.take(student, a, 'resubmit', { data: a.data });
    a = await walk.take(college, a, 'approve');
    a = await walk.take(school, a, 'reject', { reason: '协议书编号与纸质件不一致' }, 'returned');
    a = await walk.take(student, a, 'resubmit', { data: a.data });
    a = await walk.take(college, a, 'approve');
    a = await walk.take(school, a, 'approve', { data: {} });
    expect(a.timeline.filter((e) => e.action === 'approve').map((e) => [e.label, e.actorRoleLabel])).toEqual([
      ['学院审核通过', '学院审核'],
      ['学院审核通过', '学院审核'],
      ['学校审核通过', '学校审核'],
    ]);

    // 线上, returned by the college
    const b: Seen = (await college.client.get(`/api/agreements/${(await onlineAgreementIn('college_review')).id}`)).body;
    await walk.take(college, b, 'reject', { reason: '岗位信息不完整' }, 'rejected');

    // 线上, approved by the college, returned by the school
    let c: Seen = (await college.client.get(`/api/agreements/${(await onlineAgreementIn('college_review')).id}`)).body;
    c = await walk.take(college, c, 'approve');
    await walk.take(school, c, 'reject', { reason: '薪酬低于当地最低工资标准' }, 'rejected');
    walk.expectEveryTransitionTaken();
  });

  it('names what accepting an invitation, an agreed amendment and a completed termination write onto it, as notes', async () => {
    const walk = new TimelineWalk(agreements);
    const online = await onlineAgreementIn('college_review');
    const employer = await demo('employer');
    const proposed = await employer.post('/api/amendments', { agreementId: online.id, data: { monthlySalary: 13000 } });
    expect((await online.student.post(`/api/amendments/${proposed.body.id}/agree`, { version: proposed.body.version })).status).toBe(200);
    let view: Seen = (await online.student.get(`/api/agreements/${online.id}`)).body;
    await walk.take({ client: await demo('college'), role: 'college' }, view, 'approve');
    view = (await online.student.get(`/api/agreements/${online.id}`)).body;
    await walk.take({ client: await demo('school'), role: 'school' }, view, 'approve', { data: {} });
    const termination = await terminationIn('school_review', online);
    expect(
      (await (await demo('school')).post(`/api/terminations/${termination.id}/approve`, { version: termination.version, data: {} })).status,
    ).toBe(200);

    view = (await online.student.get(`/api/agreements/${online.id}`)).body;
    expect(view.timeline.map((e) => e.action)).toEqual(['create', 'amend', 'approve', 'approve', 'terminate']);
    const [accepted, amended, , , terminated] = view.timeline;
    expectNoteEntry(accepted, { action: 'create', label: walk.recorded('create'), role: 'student', note: '学生应约，生成协议书' });
    expect(accepted!.label).toBe('学生接受邀约');
    expectNoteEntry(amended, {
      action: 'amend',
      label: walk.recorded('amend'),
      role: 'student',
      note: '学生同意单位的修改，协议书重新进入审核',
    });
    expectNoteEntry(terminated, {
      action: 'terminate',
      label: walk.recorded('terminate'),
      role: 'school',
      note: '解约审核通过，恢复学生网签资格',
    });
    // no entry of this agreement carries a reason: nobody typed one
    expect(view.timeline.map((e) => e.reason)).toEqual([null, null, null, null, null]);
  });
});

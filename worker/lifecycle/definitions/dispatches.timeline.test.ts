/**
 * 派遣信息's 办理记录: every step of the table named as the table names it — the college's, the
 * school's and the centre's approvals each their own — and the record's opening by the school's
 * approval of the agreement a note, not a reason.
 */
import { describe, expect, it } from 'vitest';
import { tinyPng } from '../../domain/files/sample-files.fixture';
import { demo, onlineAgreementIn } from '../../test/scenarios';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { dispatches } from './dispatches';

describe('派遣信息 办理记录', () => {
  it('names each of its transitions as the table does, the reviewers in Chinese, a reason only where one was given', async () => {
    const walk = new TimelineWalk(dispatches);
    const agreement = await onlineAgreementIn('approved');
    const student = { client: agreement.student, role: 'student' as const };
    const college = { client: await demo('college'), role: 'college' as const };
    const school = { client: await demo('school'), role: 'school' as const };
    const center = { client: await demo('center'), role: 'center' as const };

    const list = await student.client.get('/api/dispatches');
    let d: Seen = (await student.client.get(`/api/dispatches/${list.body.items[0].id}`)).body;
    expectNoteEntry(d.timeline[0], {
      action: 'create',
      label: walk.recorded('create'),
      role: 'school',
      note: '协议书学校审核通过，生成派遣信息',
    });
    expect(d.timeline[0]!.label).toBe('生成派遣信息');

    const photo = await student.client.upload('/api/files', tinyPng(), 'agreement.png', 'image/png');
    const data = { ...d.data, proofPhotos: [photo.body.id] };
    d = await walk.take(student, d, 'save', { data });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'reject', { reason: '照片不清晰，请重新上传' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'reject', { reason: '档案转寄地址不完整' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'approve');
    d = await walk.take(center, d, 'reject', { reason: '单位所在地与协议书不一致' });
    d = await walk.take(student, d, 'submit', { data });
    d = await walk.take(college, d, 'approve');
    d = await walk.take(school, d, 'approve');
    d = await walk.take(center, d, 'approve');
    walk.expectEveryTransitionTaken();

    // the three approvals read as three different steps, by three different reviewers
    const approvals = d.timeline.filter((e) => e.action === 'approve').slice(-3);
    expect(approvals.map((e) => [e.label, e.actorRoleLabel])).toEqual([
      ['学院审核通过', '学院审核'],
      ['学校审核通过', '学校审核'],
      ['中心审核通过', '就业中心'],
    ]);
    expect(d.timeline.filter((e) => e.reason).map((e) => e.reason)).toEqual([
      '照片不清晰，请重新上传',
      '档案转寄地址不完整',
      '单位所在地与协议书不一致',
    ]);
  });
});

/**
 * 解约's 办理记录: every step of the table named as the table names it, the refusals with their
 * reasons, and the dispatch record voided by the completed termination named by its table.
 */
import { describe, expect, it } from 'vitest';
import { demo, onlineAgreementIn, terminationTerms } from '../../test/scenarios';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { dispatches } from './dispatches';
import { terminations } from './terminations';

describe('解约 办理记录', () => {
  it('names each of its transitions as the table does, the reviewers in Chinese, a reason only where one was given', async () => {
    const walk = new TimelineWalk(terminations);
    const agreement = await onlineAgreementIn('approved');
    const employer = { client: await demo('employer'), role: 'employer' as const };
    const student = { client: agreement.student, role: 'student' as const };
    const college = { client: await demo('college'), role: 'college' as const };
    const school = { client: await demo('school'), role: 'school' as const };
    const apply = async (): Promise<Seen> => {
      const applied = await employer.client.post('/api/terminations', { agreementId: agreement.id, data: terminationTerms });
      expect(applied.status).toBe(201);
      expectNoteEntry(applied.body.timeline[0], { action: 'create', label: terminations.create!.label, role: 'employer', note: null });
      return (await student.client.get(`/api/terminations/${applied.body.id}`)).body;
    };
    const consent = { data: { consentRemark: '同意' } };

    await walk.take(student, await apply(), 'decline', { reason: '单位未按约定支付违约金' });

    let t = await walk.take(student, await apply(), 'consent', consent);
    await walk.take(college, t, 'reject', { reason: '解约函未盖章' });

    t = await walk.take(student, await apply(), 'consent', consent);
    t = await walk.take(college, t, 'approve', { data: {} });
    await walk.take(school, t, 'reject', { reason: '请补充双方签字' });

    t = await walk.take(student, await apply(), 'consent', consent);
    t = await walk.take(college, t, 'approve', { data: {} });
    t = await walk.take(school, t, 'approve', { data: {} });
    walk.expectEveryTransitionTaken();
    expect(t.timeline.map((e) => [e.label, e.actorRoleLabel])).toEqual([
      ['申请解约', '用人单位'],
      ['同意解约', '学生'],
      ['学院审核通过', '学院审核'],
      ['学校审核通过（解约完成）', '学校审核'],
    ]);

    // the completed termination voided the agreement's dispatch record: a note on it, by the school
    const list = await student.client.get('/api/dispatches');
    const voided: Seen = (await student.client.get(`/api/dispatches/${list.body.items[0].id}`)).body;
    expect(voided.state).toBe('voided');
    expectNoteEntry(voided.timeline.at(-1), {
      action: 'void',
      label: new TimelineWalk(dispatches).recorded('void'),
      role: 'school',
      note: '协议书已解约',
    });
  });
});

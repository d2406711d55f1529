/** 协议书修改's 办理记录: every step of the table named as the table names it, the student's refusal with its reason. */
import { describe, expect, it } from 'vitest';
import { demo, onlineAgreementIn } from '../../test/scenarios';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { amendments } from './amendments';

describe('协议书修改 办理记录', () => {
  it('names each of its transitions as the table does, a reason only where one was given', async () => {
    const walk = new TimelineWalk(amendments);
    const agreement = await onlineAgreementIn('college_review');
    const employer = { client: await demo('employer'), role: 'employer' as const };
    const student = { client: agreement.student, role: 'student' as const };
    const propose = async (monthlySalary: number): Promise<Seen> => {
      const proposed = await employer.client.post('/api/amendments', { agreementId: agreement.id, data: { monthlySalary } });
      expect(proposed.status).toBe(201);
      expectNoteEntry(proposed.body.timeline[0], { action: 'create', label: amendments.create!.label, role: 'employer', note: null });
      return proposed.body;
    };

    await walk.take(employer, await propose(12500), 'withdraw');
    await walk.take(student, (await student.client.get(`/api/amendments/${(await propose(11000)).id}`)).body, 'decline', {
      reason: '薪酬低于原约定',
    });
    await walk.take(student, (await student.client.get(`/api/amendments/${(await propose(13000)).id}`)).body, 'agree');
    walk.expectEveryTransitionTaken();
  });
});

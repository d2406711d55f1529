/** 用人单位注册's 办理记录: every step of the table named as the table names it, the centre's returns with their reasons. */
import { describe, expect, it } from 'vitest';
import { demo, registrationIn } from '../../test/scenarios';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { employerRegistrations } from './employer-registrations';

describe('用人单位注册 办理记录', () => {
  it('names each of its transitions as the table does, the centre in Chinese, a reason only where one was given', async () => {
    const walk = new TimelineWalk(employerRegistrations);
    const registration = await registrationIn('pending');
    const employer = { client: registration.registrant!, role: 'employer' as const };
    const center = { client: await demo('center'), role: 'center' as const };

    let r: Seen = (await center.client.get(`/api/employer-registrations/${registration.id}`)).body;
    expectNoteEntry(r.timeline[0], { action: 'create', label: walk.recorded('create'), role: 'employer', note: null });
    r = await walk.take(center, r, 'reject', { reason: '营业执照不清晰' }, 'returned');
    r = await walk.take(employer, r, 'resubmit', { data: r.data });
    r = await walk.take(center, r, 'approve');
    r = await walk.take(employer, r, 'change', { data: { ...r.data, contactName: '孙经理' } });
    r = await walk.take(center, r, 'reject', { reason: '联系人与授权书不一致' }, 'change_returned');
    r = await walk.take(employer, r, 'change', { data: r.data });
    r = await walk.take(center, r, 'approve');
    walk.expectEveryTransitionTaken();
    expect(r.timeline.map((e) => e.reason)).toEqual([null, '营业执照不清晰', null, null, null, '联系人与授权书不一致', null, null]);
  });
});

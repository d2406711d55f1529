/**
 * The agreement path feeds 毕业去向登记 (docs/architecture.md, 毕业去向登记): the school's approval
 * of an agreement makes the graduate's destination 10 with the agreement's employer, the dispatch
 * record opening as before; a completed termination reopens it.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord } from '../../test/fixtures';
import { demo, terminatedAgreement } from '../../test/scenarios';
import { approvedOnlineAgreement } from '../../test/signing';

const destinationOf = async (student: TestClient) => {
  const list = await student.get('/api/destinations');
  expect(list.body.items).toHaveLength(1);
  return (await student.get(`/api/destinations/${list.body.items[0].id}`)).body;
};

describe('签约 feeds 毕业去向登记', () => {
  it('a graduate registered 待就业 who signs later moves to 10 with the employer, without retyping; the old version stays in the timeline', async () => {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const created = (await student.post('/api/destinations', { data: { destination: '70', notEmployedReason: '正在求职' } })).body;
    await (await demo('college')).post(`/api/destinations/${created.id}/approve`, { version: 1 });
    await (await demo('school')).post(`/api/destinations/${created.id}/approve`, { version: 2 });

    const { agreementId } = await approvedOnlineAgreement(s.username, s.studentId);
    const d = await destinationOf(student);
    expect(d).toMatchObject({ id: created.id, state: 'agreement', stateLabel: '签约就业', stateTone: 'ok', version: 4 });
    expect(d.data).toEqual({ destination: '10', employerName: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY' });
    expect(d.actions).toEqual([]);
    expect(d.timeline.map((e: { label: string }) => e.label)).toEqual([
      '登记毕业去向',
      '学院审核通过',
      '学校审核通过',
      '签约就业，自动登记',
    ]);
    expect(d.timeline.at(-1)).toMatchObject({
      role: 'school',
      from: 'registered',
      to: 'agreement',
      reason: null,
      note: expect.stringContaining('协议书学校审核通过'),
    });
    // the dispatch record opens exactly as before
    const dispatches = await student.get('/api/dispatches');
    expect(dispatches.body.items).toEqual([expect.objectContaining({ state: 'unconfirmed' })]);
    expect(agreementId).toBeTruthy();
  });

  it('a graduate with no registration gets one at 10; a completed termination reopens it and the student registers again', async () => {
    const agreement = await terminatedAgreement();
    const d = await destinationOf(agreement.student);
    expect(d).toMatchObject({ state: 'reopened', stateLabel: '待重新登记' });
    expect(d.timeline.map((e: { label: string }) => e.label)).toEqual(['签约就业，自动登记', '解约完成，重新登记']);
    expect(d.actions.map((a: { name: string }) => a.name)).toEqual(['submit']);
    // 10 again only through a new agreement
    const ten = await agreement.student.post(`/api/destinations/${d.id}/submit`, { version: d.version, data: d.data });
    expect(ten.status).toBe(422);
    const again = await agreement.student.post(`/api/destinations/${d.id}/submit`, {
      version: d.version,
      data: { destination: '70', notEmployedReason: '重新求职中' },
    });
    expect(again.body).toMatchObject({ state: 'college_review', data: { destination: '70', notEmployedReason: '重新求职中' } });
  });
});

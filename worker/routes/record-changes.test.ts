/**
 * The 「变更」 box: a reviewer sees what the other parties changed since the reviewer's own step last
 * acted on the record — not what was changed before that, not their own work.
 */
import { describe, expect, it } from 'vitest';
import { demo, offlineAgreementIn, sourceRecordIn } from '../test/scenarios';

describe('a college reviewer opens a paper agreement the student resubmitted', () => {
  it('lists only the student’s changes since the college returned it, with who made them', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const college = await demo('college');
    // before any review the student still corrects the job title
    const edited = await agreement.student.post(`/api/agreements/${agreement.id}/edit`, {
      version: agreement.version,
      data: { ...agreement.data, jobTitle: '测试开发工程师' },
    });
    expect(edited.status).toBe(200);

    const first = (await college.get(`/api/agreements/${agreement.id}`)).body;
    // the college never acted: the change since the first version is shown
    expect(first.changes).toEqual([
      expect.objectContaining({ key: 'jobTitle', before: '后端开发工程师', after: '测试开发工程师', by: ['student'] }),
    ]);
    expect(first.changesSince).toMatchObject({ own: false });

    const returned = await college.post(`/api/agreements/${agreement.id}/reject`, {
      version: first.version,
      reason: '月薪与纸质协议不一致',
    });
    expect(returned.status).toBe(200);
    const resubmitted = await agreement.student.post(`/api/agreements/${agreement.id}/resubmit`, {
      version: returned.body.version,
      data: { ...edited.body.data, monthlySalary: 11000 },
    });
    expect(resubmitted.status).toBe(200);

    const view = (await college.get(`/api/agreements/${agreement.id}`)).body;
    expect(view.changes).toEqual([{ key: 'monthlySalary', label: expect.any(String), before: 12000, after: 11000, by: ['student'] }]);
    expect(view.changesSince).toEqual({ at: returned.body.timeline.at(-1).at, own: true });
  });
});

describe('who is shown the 变更 box, and who goes on to the next record: the server says', () => {
  it('a reviewer sees it prominently and works through a queue; the student sees no box on an agreement', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const asCollege = (await (await demo('college')).get(`/api/agreements/${agreement.id}`)).body;
    expect(asCollege).toMatchObject({ changesBox: 'review', advancesQueue: true });
    const asStudent = (await agreement.student.get(`/api/agreements/${agreement.id}`)).body;
    expect(asStudent).toMatchObject({ changesBox: null, advancesQueue: false });
    // the admin reads as a reviewer but has no queue of its own
    const asAdmin = (await (await demo('admin')).get(`/api/agreements/${agreement.id}`)).body;
    expect(asAdmin).toMatchObject({ changesBox: 'review', advancesQueue: false });
  });

  it('a student sees the corrections made to the school’s import of their source record', async () => {
    const record = await sourceRecordIn('imported');
    const asStudent = (await record.student.get(`/api/source-records/${record.id}`)).body;
    expect(asStudent).toMatchObject({ changesBox: 'corrections', advancesQueue: false });
  });
});

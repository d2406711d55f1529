/**
 * Reasons to pick when rejecting (退回/驳回): each lifecycle offers its list with the reject action,
 * the server stores what was picked (and typed), refuses a pick that is not on the list, and the
 * admin keeps the lists.
 */
import { describe, expect, it } from 'vitest';
import { agreements } from '../lifecycle/definitions/agreements';
import { employerRegistrations } from '../lifecycle/definitions/employer-registrations';
import { count } from '../test/fixtures';
import { demo, offlineAgreementIn, registrationIn } from '../test/scenarios';

type Action = { name: string; reasons?: string[] };
const rejectOf = (view: { actions: Action[] }) => view.actions.find((a) => a.name === 'reject');

describe('a college reviewer rejects a paper agreement with a reason picked from the list', () => {
  it('the record answer offers the agreement lifecycle’s reasons with the reject action, and only there', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const college = await demo('college');
    const view = (await college.get(`/api/agreements/${agreement.id}`)).body;
    expect(rejectOf(view)?.reasons).toEqual(agreements.reasons);
    expect(view.actions.find((a: Action) => a.name === 'approve')).not.toHaveProperty('reasons');
    // the student has no reject to make: no list
    const own = (await agreement.student.get(`/api/agreements/${agreement.id}`)).body;
    expect(own.actions.some((a: Action) => a.reasons)).toBe(false);
  });

  it('the picked reason is what is stored and shown to the student', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const college = await demo('college');
    const picked = agreements.reasons![1];
    const res = await college.post(`/api/agreements/${agreement.id}/reject`, { version: agreement.version, reasonChoice: picked });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ state: 'returned', stateLabel: '退回修改' });
    expect(res.body.timeline.at(-1)).toMatchObject({ action: 'reject', reason: picked });
    const seen = (await agreement.student.get(`/api/agreements/${agreement.id}`)).body;
    expect(seen.timeline.at(-1).reason).toBe(picked);
  });

  it('a picked reason with a note keeps both, as the reviewer wrote them', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const picked = agreements.reasons![0];
    const res = await (await demo('college')).post(`/api/agreements/${agreement.id}/reject`, {
      version: agreement.version,
      reasonChoice: picked,
      reason: '  单位名称少了“有限”二字 ',
    });
    expect(res.status).toBe(200);
    expect(res.body.timeline.at(-1).reason).toBe(`${picked}：单位名称少了“有限”二字`);
  });

  it('free text alone still does', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const res = await (await demo('college')).post(`/api/agreements/${agreement.id}/reject`, {
      version: agreement.version,
      reason: '请补充第 3 页',
    });
    expect(res.status).toBe(200);
    expect(res.body.timeline.at(-1).reason).toBe('请补充第 3 页');
  });

  it('a reason that is not on the list is refused 422, and so is neither a pick nor text; nothing changes', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const college = await demo('college');
    const events = await count('audit_events', 'record_id = ?', agreement.id);

    const unlisted = await college.post(`/api/agreements/${agreement.id}/reject`, {
      version: agreement.version,
      reasonChoice: '看着不顺眼',
      reason: '',
    });
    expect(unlisted.status).toBe(422);
    expect(unlisted.body.error).toMatchObject({ code: 'reason_not_listed', fields: [{ path: 'reasonChoice', code: 'notListed' }] });
    expect(unlisted.body.error.message).toMatch(/不在可选列表/);

    const empty = await college.post(`/api/agreements/${agreement.id}/reject`, {
      version: agreement.version,
      reasonChoice: '',
      reason: '   ',
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error).toMatchObject({ code: 'reason_required', fields: [{ path: 'reason', code: 'required' }] });

    const wrongType = await college.post(`/api/agreements/${agreement.id}/reject`, { version: agreement.version, reasonChoice: 3 });
    expect(wrongType.status).toBe(400);

    const after = (await college.get(`/api/agreements/${agreement.id}`)).body;
    expect(after).toMatchObject({ state: 'college_review', version: agreement.version });
    expect(await count('audit_events', 'record_id = ?', agreement.id)).toBe(events);
  });

  it('an approval takes no pick from the list', async () => {
    const agreement = await offlineAgreementIn('college_review');
    const res = await (await demo('college')).post(`/api/agreements/${agreement.id}/approve`, {
      version: agreement.version,
      reasonChoice: agreements.reasons![0],
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('reason_not_listed');
  });
});

describe('the admin keeps the lists of reasons', () => {
  const path = '/api/lifecycles/employer-registrations/reasons';

  it('reads a lifecycle’s list with its default; reviewers and others may not (403)', async () => {
    const admin = await demo('admin');
    const res = await admin.get('/api/lifecycles/agreements/reasons');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      kind: 'agreements',
      label: '就业协议书',
      reasons: agreements.reasons,
      defaults: agreements.reasons,
      custom: false,
    });
    for (const who of ['college', 'school', 'center', 'student', 'employer']) {
      const client = await demo(who);
      const read = await client.get(path);
      expect(read.status, who).toBe(403);
      expect(read.body.error.code).toBe('forbidden');
      const write = await client.request('PUT', path, { reasons: ['随便'] });
      expect(write.status, who).toBe(403);
    }
    expect((await admin.get(path)).body.custom).toBe(false);
    // a lifecycle without a reject has no list
    expect((await admin.get('/api/lifecycles/amendments/reasons')).status).toBe(404);
  });

  it('an edited list is what the centre is offered and what the server accepts; null restores the default', async () => {
    const admin = await demo('admin');
    const center = await demo('center');
    const edited = await admin.request('PUT', path, { reasons: [' 营业执照已过期 ', '单位名称与公章不一致'] });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      reasons: ['营业执照已过期', '单位名称与公章不一致'],
      custom: true,
      defaults: employerRegistrations.reasons,
    });
    expect((await admin.get(path)).body.reasons).toEqual(['营业执照已过期', '单位名称与公章不一致']);

    const registration = await registrationIn('pending');
    const view = (await center.get(`/api/employer-registrations/${registration.id}`)).body;
    expect(rejectOf(view)?.reasons).toEqual(['营业执照已过期', '单位名称与公章不一致']);
    // a reason of the old list is no longer one to pick
    const old = await center.post(`/api/employer-registrations/${registration.id}/reject`, {
      version: registration.version,
      reasonChoice: employerRegistrations.reasons![0],
    });
    expect(old.status).toBe(422);
    const ok = await center.post(`/api/employer-registrations/${registration.id}/reject`, {
      version: registration.version,
      reasonChoice: '营业执照已过期',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.timeline.at(-1).reason).toBe('营业执照已过期');

    const restored = await admin.request('PUT', path, { reasons: null });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ reasons: employerRegistrations.reasons, custom: false });
  });

  it('a list with blank, duplicate or over-long reasons is refused with each problem named, and nothing changes', async () => {
    const admin = await demo('admin');
    const before = (await admin.get(path)).body.reasons;
    const res = await admin.request('PUT', path, { reasons: ['营业执照已过期', ' ', '营业执照已过期', '长'.repeat(51), 7] });
    expect(res.status).toBe(422);
    expect(res.body.error.fields).toEqual([
      { path: 'reasons.1', code: 'required', message: '原因不能为空' },
      { path: 'reasons.2', code: 'duplicate', message: '与前面的原因重复' },
      { path: 'reasons.3', code: 'maxLength', message: '不能超过 50 个字' },
      { path: 'reasons.4', code: 'type', message: '必须是文字' },
    ]);
    expect((await admin.request('PUT', path, { reasons: Array.from({ length: 21 }, (_, i) => `原因${i}`) })).status).toBe(422);
    expect((await admin.request('PUT', path, { reasons: '营业执照已过期' })).status).toBe(400);
    expect((await admin.get(path)).body.reasons).toEqual(before);
  });
});

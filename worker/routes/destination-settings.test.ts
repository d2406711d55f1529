/**
 * 毕业去向登记's change deadline (docs/architecture.md, 毕业去向登记): per cohort, 31 August of the
 * graduation year unless the province sets another; until then (Beijing's today) a registered student
 * changes destination and the change is reviewed again, the old version kept in the record's history;
 * after it only the school reopens a registration.
 */
import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it } from 'vitest';
import { beijingToday, addDays } from '../lib/dates';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { demo, destinationIn } from '../test/scenarios';

const settingsPath = '/api/destinations/settings/2027';

afterEach(async () => {
  await env.DB.prepare('DELETE FROM destination_settings').run();
});

describe('毕业去向登记 settings of a cohort', () => {
  it('default to 31 August of the graduation year and the centre reviewing 10', async () => {
    const res = await (await demo('college')).get(settingsPath);
    expect(res.body).toEqual({ cohort: 2027, changeDeadline: '2027-08-31', centerCodes: ['10'], set: false });
  });

  it('the student is told the change deadline with the record and before registering: the cohort’s default, then the province’s', async () => {
    const d = await destinationIn('registered');
    const mine = await d.student.get(`/api/destinations/${d.id}`);
    expect(mine.body.changeDeadline).toBe(
      `${(await env.DB.prepare('SELECT cohort FROM records WHERE id = ?').bind(d.id).first<{ cohort: number }>())!.cohort}-08-31`,
    );
    const fresh = await studentWithSourceRecord('approved');
    const starting = await (await TestClient.as(fresh.username)).get('/api/destinations/new');
    expect(starting.status).toBe(200);
    expect(starting.body.changeDeadline).toBe(mine.body.changeDeadline);

    const cohort = mine.body.changeDeadline.slice(0, 4);
    await (await demo('province')).request('PUT', `/api/destinations/settings/${cohort}`, {
      changeDeadline: `${cohort}-09-15`,
      centerCodes: ['10'],
    });
    expect((await d.student.get(`/api/destinations/${d.id}`)).body.changeDeadline).toBe(`${cohort}-09-15`);
    // other kinds say nothing of it
    const other = await (await TestClient.as(fresh.username)).get('/api/source-records');
    expect(JSON.stringify(other.body)).not.toContain('changeDeadline');
  });

  it('the province sets them; nobody else may; bad values are refused with the field and change nothing', async () => {
    const province = await demo('province');
    const set = await province.request('PUT', settingsPath, { changeDeadline: '2027-09-15', centerCodes: ['85', '10', '85'] });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({ cohort: 2027, changeDeadline: '2027-09-15', centerCodes: ['10', '85'], set: true });
    expect((await (await demo('school')).request('PUT', settingsPath, { changeDeadline: '2027-10-01', centerCodes: ['10'] })).status).toBe(
      403,
    );

    const bad = await province.request('PUT', settingsPath, { changeDeadline: '2027-02-30', centerCodes: ['99'] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['changeDeadline', 'centerCodes']);
    const without10 = await province.request('PUT', settingsPath, { changeDeadline: '2027-08-31', centerCodes: ['80'] });
    expect(without10.body.error.fields).toEqual([expect.objectContaining({ path: 'centerCodes', message: expect.stringContaining('10') })]);
    expect(
      (await province.request('PUT', '/api/destinations/settings/27', { changeDeadline: '2027-08-31', centerCodes: ['10'] })).status,
    ).toBe(400);
    expect((await province.get(settingsPath)).body.changeDeadline).toBe('2027-09-15');
  });
});

describe('changing a registered destination', () => {
  it('until the deadline (today in Beijing included): a new version reviewed again, the old one kept in the history', async () => {
    await (await demo('province')).request('PUT', settingsPath, { changeDeadline: beijingToday(), centerCodes: ['10'] });
    const d = await destinationIn('registered');
    const changed = await d.student.post(`/api/destinations/${d.id}/change`, {
      version: d.version,
      data: { destination: '71', notEmployedReason: '决定考研' },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ state: 'college_review', data: { destination: '71', notEmployedReason: '决定考研' } });
    expect(changed.body.timeline.map((e: { label: string }) => e.label)).toEqual([
      '登记毕业去向',
      '学院审核通过',
      '学校审核通过',
      '变更去向',
    ]);
    const old = await env.DB.prepare("SELECT snapshot FROM audit_events WHERE record_id = ? AND action = 'create'")
      .bind(d.id)
      .first<{ snapshot: string }>();
    expect(old!.snapshot).toContain('"destination":"70"');
  });

  it('after the deadline: refused with the date, nothing written; the school reopens it and the student registers again', async () => {
    const d = await destinationIn('registered');
    await (await demo('province')).request('PUT', settingsPath, { changeDeadline: addDays(beijingToday(), -1), centerCodes: ['10'] });
    const late = await d.student.post(`/api/destinations/${d.id}/change`, {
      version: d.version,
      data: { destination: '71', notEmployedReason: '决定考研' },
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'deadline_passed', message: expect.stringContaining(addDays(beijingToday(), -1)) });
    expect(await count('records', "id = ? AND state = 'registered' AND version = ?", d.id, d.version)).toBe(1);
    expect(await count('audit_events', "record_id = ? AND action = 'change'", d.id)).toBe(0);

    expect(
      (await (await demo('college')).post(`/api/destinations/${d.id}/reopen`, { version: d.version, reason: '学生申请' })).status,
    ).toBe(403);
    const reopened = await (await demo('school')).post(`/api/destinations/${d.id}/reopen`, {
      version: d.version,
      reason: '学生已被录取为研究生，凭录取通知书申请变更',
    });
    expect(reopened.body).toMatchObject({ state: 'reopened', stateLabel: '待重新登记' });
    expect(reopened.body.timeline.at(-1)).toMatchObject({ label: '重新开放登记', reason: '学生已被录取为研究生，凭录取通知书申请变更' });
    const again = await d.student.post(`/api/destinations/${d.id}/submit`, {
      version: reopened.body.version,
      data: { destination: '71', notEmployedReason: '决定考研' },
    });
    expect(again.body).toMatchObject({ state: 'college_review' });
    expect(d.student).toBeInstanceOf(TestClient);
  });
});

/**
 * 毕业去向登记 (docs/architecture.md, 毕业去向登记): every 省级通过 graduate registers one destination,
 * with that code's own fields and evidence, reviewed by the college, the school, and the centre for
 * the codes the province names; a reviewer returns it with a reason and the student resubmits.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { BY_CODE } from '../../../forms/engine/test/destination-samples';
import { tinyPdf, tinyPng } from '../../domain/files/sample-files.fixture';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { demo } from '../../test/scenarios';

/** A fresh 省级通过 student of the demo college, signed in. */
async function graduate(state = 'approved') {
  const fixture = await studentWithSourceRecord(state);
  return { fixture, student: await TestClient.as(fixture.username) };
}

/** The sample values of a code with each evidence field holding a real upload of this student's. */
async function registration(student: TestClient, code: string, kind: 'png' | 'pdf' = 'png') {
  const { values, evidence } = BY_CODE[code]!;
  const data: Record<string, unknown> = { destination: code, ...values };
  if (evidence) {
    const up =
      kind === 'png'
        ? await student.upload('/api/files', tinyPng(), 'proof.png', 'image/png')
        : await student.upload('/api/files', await tinyPdf(), 'proof.pdf', 'application/pdf');
    expect(up.status).toBe(201);
    data[evidence] = [up.body.id];
  }
  return data;
}

describe('毕业去向登记: one registration per code', () => {
  it.each(Object.keys(BY_CODE))('code %s: a complete registration goes to the college with its evidence attached', async (code) => {
    const { student, fixture } = await graduate();
    const data = await registration(student, code, code === '80' ? 'pdf' : 'png');
    const created = await student.post('/api/destinations', { data });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ kind: 'destinations', state: 'college_review', stateLabel: '待学院审核', version: 1 });
    expect(created.body.data).toEqual(data);
    const evidence = BY_CODE[code]!.evidence;
    if (evidence) {
      // the reviewer opens the evidence with the record
      const fileId = (data[evidence] as string[])[0];
      expect((await (await demo('college')).get(`/api/files/${fileId}`)).status).toBe(200);
    }
    expect(await count('records', "kind = 'destinations' AND student_id = ?", fixture.studentId)).toBe(1);
  });

  it.each(Object.entries(BY_CODE).filter(([, c]) => c.evidence))(
    'code %s: without its evidence nothing is written',
    async (code, { evidence }) => {
      const { student, fixture } = await graduate();
      const { [evidence!]: _evidence, ...data } = await registration(student, code);
      const refused = await student.post('/api/destinations', { data });
      expect(refused.status).toBe(422);
      expect(refused.body.error.fields.map((f: { path: string }) => f.path)).toEqual([evidence]);
      expect(await count('records', "kind = 'destinations' AND student_id = ?", fixture.studentId)).toBe(0);
    },
  );
});

describe('毕业去向登记: bad input changes nothing', () => {
  it('refuses a code not in the national table, and 10 (that comes from an approved agreement)', async () => {
    const { student, fixture } = await graduate();
    const unknown = await student.post('/api/destinations', { data: { destination: '99', notEmployedReason: '—' } });
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.fields[0]).toMatchObject({ path: 'destination' });
    const ten = await student.post('/api/destinations', {
      data: { destination: '10', employerName: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY' },
    });
    expect(ten.status).toBe(422);
    expect(ten.body.error.fields).toEqual([
      expect.objectContaining({ path: 'destination', message: expect.stringContaining('就业协议书') }),
    ]);
    expect(await count('records', "kind = 'destinations' AND student_id = ?", fixture.studentId)).toBe(0);
  });

  it('refuses evidence that is not an image or PDF, and evidence that is not an upload of this student', async () => {
    const { student, fixture } = await graduate();
    const text = await student.upload('/api/files', '这不是录取通知书', 'offer.png', 'image/png');
    expect(text.status).toBe(415);
    const other = await graduate();
    const foreign = await other.student.upload('/api/files', tinyPng(), 'x.png', 'image/png');
    const data = { ...(await registration(student, '80')), admissionProof: [foreign.body.id] };
    const refused = await student.post('/api/destinations', { data });
    expect(refused.status).toBe(422);
    expect(refused.body.error.fields).toEqual([expect.objectContaining({ path: 'admissionProof', code: 'file' })]);
    const notFiles = await student.post('/api/destinations', { data: { ...data, admissionProof: '录取通知书.jpg' } });
    expect(notFiles.status).toBe(422);
    expect(await count('records', "kind = 'destinations' AND student_id = ?", fixture.studentId)).toBe(0);
  });

  it('is open only to a student whose source record the province approved', async () => {
    const { student } = await graduate('school_approved');
    const refused = await student.post('/api/destinations', { data: await registration(student, '70') });
    expect(refused.status).toBe(422);
    expect(refused.body.error).toMatchObject({ code: 'student_not_approved', message: expect.stringContaining('省级通过') });
    const lcs = await student.get('/api/lifecycles');
    expect(lcs.body.destinations.create).toMatchObject({ available: false, code: 'student_not_approved' });
  });

  it('a second registration of the same graduate is refused: the first one is changed instead', async () => {
    const { student, fixture } = await graduate();
    expect((await student.post('/api/destinations', { data: await registration(student, '70') })).status).toBe(201);
    const again = await student.post('/api/destinations', { data: await registration(student, '80') });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'duplicate', message: expect.stringContaining('已登记') });
    expect(await count('records', "kind = 'destinations' AND student_id = ?", fixture.studentId)).toBe(1);
  });
});

describe('毕业去向登记: review', () => {
  it('college → school → 已登记; the centre is not asked for a code it does not review', async () => {
    const { student } = await graduate();
    const created = (await student.post('/api/destinations', { data: await registration(student, '80') })).body;
    const college = await demo('college');
    const school = await demo('school');
    const c = await college.post(`/api/destinations/${created.id}/approve`, { version: 1 });
    expect(c.body).toMatchObject({ state: 'school_review', stateLabel: '待学校审核' });
    const s = await school.post(`/api/destinations/${created.id}/approve`, { version: 2 });
    expect(s.body).toMatchObject({ state: 'registered', stateLabel: '已登记', stateTone: 'ok' });
    expect(s.body.timeline.map((e: { label: string }) => e.label)).toEqual(['登记毕业去向', '学院审核通过', '学校审核通过']);
  });

  it('a code the province names goes on to the centre after the school', async () => {
    const { student, fixture } = await graduate();
    await env.DB.prepare(
      "INSERT INTO destination_settings (cohort, change_deadline, center_codes, updated_at, updated_by) VALUES (?, '2027-08-31', '[\"10\",\"85\"]', '2026-12-01', 'acc-province') ON CONFLICT(cohort) DO UPDATE SET center_codes = excluded.center_codes",
    )
      .bind(2027)
      .run();
    try {
      const created = (await student.post('/api/destinations', { data: await registration(student, '85') })).body;
      await (await demo('college')).post(`/api/destinations/${created.id}/approve`, { version: 1 });
      const s = await (await demo('school')).post(`/api/destinations/${created.id}/approve`, { version: 2 });
      expect(s.body).toMatchObject({ state: 'center_review', stateLabel: '待中心审核' });
      const center = await demo('center');
      const done = await center.post(`/api/destinations/${created.id}/approve`, { version: 3 });
      expect(done.body).toMatchObject({ state: 'registered' });
      expect(done.body.timeline.at(-2).label).toBe('学校审核通过，送中心审核');
      expect(fixture.studentId).toBeTruthy();
    } finally {
      await env.DB.prepare('DELETE FROM destination_settings WHERE cohort = 2027').run();
    }
  });

  it.each(['college', 'school'])(
    'the %s returns it with a reason picked from the list; the student corrects and resubmits',
    async (reviewer) => {
      const { student } = await graduate();
      const created = (await student.post('/api/destinations', { data: await registration(student, '75') })).body;
      let version = 1;
      if (reviewer === 'school')
        version = (await (await demo('college')).post(`/api/destinations/${created.id}/approve`, { version })).body.version;
      const returned = await (await demo(reviewer)).post(`/api/destinations/${created.id}/reject`, {
        version,
        reasonChoice: '统一社会信用代码有误',
        reason: '与营业执照不一致',
      });
      expect(returned.body).toMatchObject({ state: 'returned', stateLabel: '已退回' });
      const seen = await student.get(`/api/destinations/${created.id}`);
      expect(seen.body.timeline.at(-1).reason).toBe('统一社会信用代码有误：与营业执照不一致');
      // 消息中心 tells the student, with the reason and a link to the registration
      const messages = (await student.get('/api/notifications')).body.items.filter((n: { recordId: string }) => n.recordId === created.id);
      expect(messages[0]).toMatchObject({ title: '毕业去向登记被退回', link: `/r/destinations/${created.id}`, readAt: null });
      expect(messages[0].body).toContain('统一社会信用代码有误：与营业执照不一致');
      expect(seen.body.actions.map((a: { name: string }) => a.name)).toEqual(['submit']);
      const fixed = await student.post(`/api/destinations/${created.id}/submit`, {
        version: seen.body.version,
        data: { ...seen.body.data, companyCreditCode: '91320106MA1XY012AY' },
      });
      expect(fixed.body).toMatchObject({ state: 'college_review' });
    },
  );
});

describe('毕业去向登记: who sees what', () => {
  it('the answer holds no 身份证号 or phone; reviewers see the graduate masked in lists; another school sees nothing', async () => {
    const { student, fixture } = await graduate();
    const created = (await student.post('/api/destinations', { data: await registration(student, '70') })).body;
    const college = await demo('college');
    const view = await college.get(`/api/destinations/${created.id}`);
    expect(JSON.stringify(view.body)).not.toContain(fixture.idNumber);
    expect(JSON.stringify(view.body)).not.toContain(fixture.mobile);
    const list = await college.get('/api/destinations?state=college_review');
    const row = list.body.items.find((i: { id: string }) => i.id === created.id);
    expect(row.title).toMatch(/^测试学生（\*+\d{3}[\dX]）$/);
    expect(row.title).not.toContain(fixture.idNumber);
    expect(row.subtitle).toBe('70 待就业');
    expect((await (await demo('school2')).get(`/api/destinations/${created.id}`)).status).toBe(404);
    expect((await (await demo('employer')).get(`/api/destinations/${created.id}`)).status).toBe(404);
  });
});

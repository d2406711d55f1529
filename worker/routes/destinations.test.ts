/**
 * 去向跟进 and the 毕业去向 export (docs/architecture.md, 毕业去向登记): a counsellor lists their
 * graduates with 未登记 and 待就业 first, filters by major and keeps a short note per student; the
 * school and the centre export every registered destination in the national column order.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { demo, destinationIn } from '../test/scenarios';

interface Row {
  studentId: string;
  status: string;
  statusLabel: string;
  major: string | null;
  destination: string | null;
  note: { text: string; by: string; at: string } | null;
}

describe('去向跟进', () => {
  it('lists the college’s graduates: 未登记 first, then 待就业, then the rest; filters by major', async () => {
    const unregistered = await studentWithSourceRecord('approved');
    const waiting = await destinationIn('registered'); // 70 待就业
    const studying = await studentWithSourceRecord('approved');
    const s = await TestClient.as(studying.username);
    await s.post('/api/destinations', { data: { destination: '71', notEmployedReason: '准备考研' } });
    await env.DB.prepare("UPDATE records SET data = json_set(data, '$.major', '人工智能') WHERE kind = 'source-records' AND student_id = ?")
      .bind(studying.studentId)
      .run();

    const college = await demo('college');
    const res = await college.get('/api/destinations/follow-up');
    expect(res.status).toBe(200);
    const items: Row[] = res.body.items;
    const at = (id: string) => items.findIndex((r) => r.studentId === id);
    expect(items[at(unregistered.studentId)]).toMatchObject({ status: 'unregistered', statusLabel: '未登记', destination: null });
    expect(items[at(waiting.fixture.studentId)]).toMatchObject({ status: 'waiting', statusLabel: '待就业', destination: '70' });
    expect(items[at(studying.studentId)]).toMatchObject({
      status: 'college_review',
      statusLabel: '待学院审核',
      destination: '71',
      major: '人工智能',
    });
    expect(at(unregistered.studentId)).toBeLessThan(at(waiting.fixture.studentId));
    expect(at(waiting.fixture.studentId)).toBeLessThan(at(studying.studentId));
    const firstOther = items.findIndex((r) => r.status !== 'unregistered');
    expect(items.slice(firstOther).some((r) => r.status === 'unregistered')).toBe(false);
    expect(res.body.majors).toEqual(expect.arrayContaining(['软件工程', '人工智能']));
    // no 身份证号 or phone in the list
    expect(JSON.stringify(res.body)).not.toContain(unregistered.idNumber);
    expect(JSON.stringify(res.body)).not.toContain(unregistered.mobile);

    const ai = await college.get(`/api/destinations/follow-up?major=${encodeURIComponent('人工智能')}`);
    expect(ai.body.items.map((r: Row) => r.studentId)).toEqual([studying.studentId]);

    // the counts above the list are the college's (and the major's) totals, read from the database, not the page's
    const scopeCount = async (where: string) =>
      (await env.DB.prepare(`
      SELECT COUNT(*) AS n FROM students s JOIN records src ON src.kind = 'source-records' AND src.student_id = s.id
      LEFT JOIN records d ON d.kind = 'destinations' AND d.student_id = s.id AND d.cohort = s.cohort
      WHERE s.college_id = (SELECT college_id FROM students WHERE id = ?) AND s.source_state = 'approved' AND ${where}`)
        .bind(unregistered.studentId)
        .first<{ n: number }>())!.n;
    const totals = {
      total: await scopeCount('1'),
      unregistered: await scopeCount('d.id IS NULL'),
      waiting: await scopeCount("d.state = 'registered' AND json_extract(d.data, '$.destination') = '70'"),
    };
    expect(res.body.counts).toEqual(totals);
    expect(totals.unregistered).toBeGreaterThanOrEqual(1);
    expect(totals.waiting).toBeGreaterThanOrEqual(1);
    expect(ai.body.counts).toEqual({ total: 1, unregistered: 0, waiting: 0 });

    // another college's counsellor does not see them; the school sees every college
    const other = await (await demo('college2')).get('/api/destinations/follow-up');
    expect(other.body.items.some((r: Row) => r.studentId === unregistered.studentId)).toBe(false);
    const school = await (await demo('school')).get('/api/destinations/follow-up');
    expect(school.body.items.some((r: Row) => r.studentId === unregistered.studentId)).toBe(true);
  });

  it('keeps a short note per student with who and when; the latest shows in the list; bad notes and other colleges’ students are refused', async () => {
    const g = await studentWithSourceRecord('approved');
    const college = await demo('college');
    const added = await college.post(`/api/destinations/follow-up/${g.studentId}/notes`, { text: '电话联系，正在准备国考，下周再跟进' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({
      text: '电话联系，正在准备国考，下周再跟进',
      by: expect.stringMatching(/[\u4e00-\u9fff]/),
      at: expect.any(String),
    });
    const list = await college.get('/api/destinations/follow-up');
    expect(list.body.items.find((r: Row) => r.studentId === g.studentId).note).toEqual(added.body);

    const empty = await college.post(`/api/destinations/follow-up/${g.studentId}/notes`, { text: '  ' });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields[0]).toMatchObject({ path: 'text', code: 'required' });
    const long = await college.post(`/api/destinations/follow-up/${g.studentId}/notes`, { text: '长'.repeat(201) });
    expect(long.body.error.fields[0]).toMatchObject({ path: 'text', code: 'maxLength' });
    expect((await (await demo('college2')).post(`/api/destinations/follow-up/${g.studentId}/notes`, { text: '越权' })).status).toBe(404);
    expect(await count('destination_notes', 'student_id = ?', g.studentId)).toBe(1);
  });
});

describe('毕业去向 export', () => {
  it('exports registered destinations in the national column order: the centre every school, a school its own', async () => {
    const d = await destinationIn('registered');
    const center = await demo('center');
    const csv = await center.get('/api/destinations/export?format=csv');
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = String(csv.body)
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 3)).toEqual(['考生号', '身份证号', '姓名']);
    expect(header.indexOf('毕业去向代码')).toBeGreaterThan(header.indexOf('生源所在地代码'));
    const mine = lines.find((l) => l.includes(d.fixture.idNumber))!.split(',');
    expect(mine[header.indexOf('毕业去向代码')]).toBe('70');
    expect(mine[header.indexOf('暂不就业说明')]).toBe('正在求职');
    expect(mine[header.indexOf('登记状态')]).toBe('已登记');

    const own = await (await demo('school')).get('/api/destinations/export?format=csv');
    expect(String(own.body)).toContain(d.fixture.idNumber);
    const elsewhere = await (await demo('school2')).get('/api/destinations/export?format=csv');
    expect(String(elsewhere.body)).not.toContain(d.fixture.idNumber);
    const xlsx = await center.get('/api/destinations/export?format=xlsx');
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    expect((await center.get('/api/destinations/export?format=pdf')).status).toBe(400);
    // one still in review is not in the default export
    const pending = await destinationIn('college_review');
    expect(String((await center.get('/api/destinations/export')).body)).not.toContain(pending.fixture.idNumber);
    // asked for by state (and cohort), it is; an unknown state or cohort is refused
    expect(String((await center.get('/api/destinations/export?state=college_review&cohort=2027')).body)).toContain(
      pending.fixture.idNumber,
    );
    expect((await center.get('/api/destinations/export?state=nope')).status).toBe(400);
    expect((await center.get('/api/destinations/export?cohort=27')).status).toBe(400);
  });
});

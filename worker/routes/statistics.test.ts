/**
 * 就业统计 (docs/architecture.md, 就业统计): the employment office counts one cohort's graduates in
 * its scope — 毕业生数, 已签约 and 签约率, 已登记去向, 已落实 and 去向落实率, per 毕业去向 category —
 * by 学院, 专业, 学历, 性别, 生源地 or per day, and takes the table away as CSV or Excel. The
 * graduates here are real: their agreement signed and approved, their destinations registered and
 * reviewed through the API, in a cohort (2031) nobody else in this file's database belongs to.
 */
import * as XLSX from '@e965/xlsx';
import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { BY_CODE } from '../../forms/engine/test/destination-samples';
import { tinyPng } from '../domain/files/sample-files.fixture';
import { beijingToday } from '../lib/dates';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import { demo } from '../test/scenarios';
import { approvedOnlineAgreement } from '../test/signing';

const COHORT = 2031;

interface Graduate {
  collegeId: string;
  schoolId: string;
  gender: string;
  education: string;
  major: string;
  origin: string;
}

/** A 省级通过 graduate of the cohort, with the 生源信息 the groups are read from; signed in. */
async function graduate(g: Graduate) {
  const fixture = await studentWithSourceRecord('approved', { collegeId: g.collegeId, schoolId: g.schoolId });
  await env.DB.batch([
    env.DB.prepare('UPDATE students SET cohort = ? WHERE id = ?').bind(COHORT, fixture.studentId),
    env.DB.prepare(
      `UPDATE records SET cohort = ?, data = json_set(data, '$.cohort', ?, '$.gender', ?, '$.education', ?, '$.major', ?, '$.originRegion', ?)
       WHERE id = ?`,
    ).bind(COHORT, COHORT, g.gender, g.education, g.major, g.origin, fixture.recordId),
  ]);
  return { fixture, student: await TestClient.as(fixture.username) };
}

/** Registers a destination code with its evidence uploaded, and has it reviewed by `reviewers` in turn. */
async function registerDestination(student: TestClient, code: string, reviewers: string[]) {
  const { values, evidence } = BY_CODE[code]!;
  const data: Record<string, unknown> = { destination: code, ...values };
  if (evidence) data[evidence] = [(await student.upload('/api/files', tinyPng(), 'proof.png', 'image/png')).body.id];
  let view = (await student.post('/api/destinations', { data })).body;
  expect(view.state, JSON.stringify(view)).toBe('college_review');
  for (const reviewer of reviewers) {
    const moved = await (await demo(reviewer)).post(`/api/destinations/${view.id}/approve`, { version: view.version });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    view = moved.body;
  }
  return view;
}

const CS = { collegeId: 'col-1', schoolId: 'sch-1' };
const ECON = { collegeId: 'col-2', schoolId: 'sch-1' };
const MECH = { collegeId: 'col-3', schoolId: 'sch-2' };
const MALE = '1';
const FEMALE = '2';

beforeAll(async () => {
  // 计算机科学与技术学院: one signed (and so 签约就业), one 升学, one 待就业, one still in review, one nothing
  const signed = await graduate({ ...CS, gender: MALE, education: '31', major: '软件工程', origin: '320106' });
  await approvedOnlineAgreement(signed.fixture.username, signed.fixture.studentId);
  const study = await graduate({ ...CS, gender: FEMALE, education: '31', major: '软件工程', origin: '110105' });
  await registerDestination(study.student, '80', ['college', 'school']);
  const waiting = await graduate({ ...CS, gender: MALE, education: '11', major: '人工智能', origin: '320106' });
  await registerDestination(waiting.student, '70', ['college', 'school']);
  const inReview = await graduate({ ...CS, gender: FEMALE, education: '31', major: '人工智能', origin: '320106' });
  await registerDestination(inReview.student, '76', []);
  await graduate({ ...CS, gender: MALE, education: '31', major: '软件工程', origin: '320106' });
  // 经济管理学院: one 劳动合同, one nothing
  const contract = await graduate({ ...ECON, gender: FEMALE, education: '31', major: '会计学', origin: '340104' });
  await registerDestination(contract.student, '11', ['college2', 'school']);
  await graduate({ ...ECON, gender: MALE, education: '41', major: '会计学', origin: '320106' });
  // 苏州示范学院 机电工程学院: one graduate, nothing yet
  await graduate({ ...MECH, gender: MALE, education: '31', major: '机械工程', origin: '320106' });
});

const categories = (over: Record<string, number>) => ({
  contract: 0,
  project: 0,
  flexible: 0,
  startup: 0,
  study: 0,
  abroad: 0,
  waiting: 0,
  notEmployed: 0,
  ...over,
});

describe('就业统计: the numbers', () => {
  it('the school sees its colleges: 毕业生数, 已签约 and 签约率, 已登记去向, 已落实 and 去向落实率, per category, and the totals', async () => {
    const res = await (await demo('school')).get(`/api/statistics?cohort=${COHORT}&by=college`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ cohort: COHORT, by: 'college', school: null, scopeLabel: '江苏示范大学' });
    expect(res.body.rows).toEqual([
      {
        key: 'col-1',
        label: '计算机科学与技术学院',
        graduates: 5,
        signed: 1,
        signingRate: 20,
        registered: 3,
        placed: 2,
        placementRate: 40,
        categories: categories({ contract: 1, study: 1, waiting: 1 }),
      },
      {
        key: 'col-2',
        label: '经济管理学院',
        graduates: 2,
        signed: 0,
        signingRate: 0,
        registered: 1,
        placed: 1,
        placementRate: 50,
        categories: categories({ contract: 1 }),
      },
    ]);
    expect(res.body.total).toEqual({
      key: 'total',
      label: '合计',
      graduates: 7,
      signed: 1,
      signingRate: 14.29,
      registered: 4,
      placed: 3,
      placementRate: 42.86,
      categories: categories({ contract: 2, study: 1, waiting: 1 }),
    });
    // the classification comes with the answer, 待就业 and 暂不就业 not placed
    const notPlaced = (res.body.categories as { key: string; placed: boolean }[]).filter((c) => !c.placed).map((c) => c.key);
    expect(notPlaced).toEqual(['waiting', 'notEmployed']);
  });

  it('groups by 性别, 学历, 生源地 and 专业 with the labels of the code tables', async () => {
    const school = await demo('school');
    const by = async (dimension: string) => (await school.get(`/api/statistics?cohort=${COHORT}&by=${dimension}`)).body.rows;
    const pick = (rows: { label: string; graduates: number; signed: number; registered: number; placed: number }[]) =>
      rows.map(({ label, graduates, signed, registered, placed }) => [label, graduates, signed, registered, placed]);

    expect(pick(await by('gender'))).toEqual([
      ['男', 4, 1, 2, 1],
      ['女', 3, 0, 2, 2],
    ]);
    // in the order of the 学历 code table
    expect(pick(await by('education'))).toEqual([
      ['硕士研究生', 1, 0, 1, 0],
      ['本科', 5, 1, 3, 3],
      ['专科（高职）', 1, 0, 0, 0],
    ]);
    // 生源地: the province of the region code, by code
    const origin = await by('origin');
    expect(pick(origin)).toEqual([
      ['北京市', 1, 0, 1, 1],
      ['江苏省', 5, 1, 2, 1],
      ['安徽省', 1, 0, 1, 1],
    ]);
    expect(origin.map((r: { key: string }) => r.key)).toEqual(['11', '32', '34']);
    expect(pick(await by('major')).sort()).toEqual(
      [
        ['人工智能', 2, 0, 1, 0],
        ['会计学', 2, 0, 1, 1],
        ['软件工程', 3, 1, 2, 2],
      ].sort(),
    );
  });

  it('by day: the agreements approved and the destinations approved each Beijing day, with the totals', async () => {
    const res = await (await demo('school')).get(`/api/statistics?cohort=${COHORT}&by=day`);
    expect(res.status).toBe(200);
    expect(res.body.rows).toEqual([]);
    // the signed graduate's destination became 签约就业 with the agreement; three more were approved by review
    expect(res.body.days).toEqual([{ day: beijingToday(), agreements: 1, destinations: 4 }]);
    expect(res.body.total).toMatchObject({ graduates: 7, signed: 1, registered: 4, placed: 3 });
  });

  it('defaults to the graduating cohort and to 学院', async () => {
    const res = await (await demo('school')).get('/api/statistics');
    const today = beijingToday();
    const expected = Number(today.slice(0, 4)) + (Number(today.slice(5, 7)) >= 9 ? 1 : 0);
    expect(res.body).toMatchObject({ cohort: expected, by: 'college' });
  });
});

describe('就业统计: whose graduates', () => {
  it('a college reviewer sees its own college only, even when it names its school', async () => {
    const college = await demo('college');
    const res = await college.get(`/api/statistics?cohort=${COHORT}`);
    expect(res.body.scopeLabel).toBe('江苏示范大学 计算机科学与技术学院');
    expect(res.body.rows.map((r: { key: string }) => r.key)).toEqual(['col-1']);
    expect(res.body.total).toMatchObject({ graduates: 5, signed: 1, placed: 2 });
    expect((await college.get(`/api/statistics?cohort=${COHORT}&school=sch-1`)).body.total.graduates).toBe(5);
    const other = await (await demo('college2')).get(`/api/statistics?cohort=${COHORT}&by=gender`);
    expect(other.body.total).toMatchObject({ graduates: 2, registered: 1, placed: 1 });
  });

  it('a school reviewer cannot look at another school', async () => {
    const res = await (await demo('school')).get(`/api/statistics?cohort=${COHORT}&school=sch-2`);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({ code: 'forbidden', message: expect.stringMatching(/本校/) });
    const own = await (await demo('school2')).get(`/api/statistics?cohort=${COHORT}`);
    expect(own.body.rows).toEqual([expect.objectContaining({ key: 'col-3', label: '机电工程学院', graduates: 1 })]);
  });

  it('the centre and the province see every school, colleges named with their school, and may filter by school', async () => {
    for (const who of ['center', 'province']) {
      const client = await demo(who);
      const all = await client.get(`/api/statistics?cohort=${COHORT}`);
      expect(all.body.scopeLabel).toBe('全省各校');
      expect(all.body.rows.map((r: { label: string; graduates: number }) => [r.label, r.graduates])).toEqual([
        ['江苏示范大学 计算机科学与技术学院', 5],
        ['江苏示范大学 经济管理学院', 2],
        ['苏州示范学院 机电工程学院', 1],
      ]);
      expect(all.body.total).toMatchObject({ graduates: 8, signed: 1, registered: 4, placed: 3 });
      const one = await client.get(`/api/statistics?cohort=${COHORT}&school=sch-2`);
      expect(one.body).toMatchObject({ school: 'sch-2', scopeLabel: '苏州示范学院', total: { graduates: 1, placed: 0 } });
    }
  });

  it('students, employers and the admin are refused; nobody signed in is asked to sign in', async () => {
    for (const who of ['student', 'employer', 'admin']) {
      const res = await (await demo(who)).get('/api/statistics');
      expect(res.status, who).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
    expect((await new TestClient().get('/api/statistics')).status).toBe(401);
  });
});

describe('就业统计: bad queries', () => {
  it.each([
    ['by=school', /统计维度/],
    ['by=', null],
    ['cohort=27', /毕业届/],
    ['cohort=2031x', /毕业届/],
    ['format=pdf', /csv 或 xlsx/],
    ['school=nope', /没有这所学校/],
  ])('%s', async (query, message) => {
    const res = await (await demo('center')).get(`/api/statistics?${query}`);
    if (message === null) {
      expect(res.status).toBe(200);
      return;
    }
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'bad_query', message: expect.stringMatching(message) });
  });
});

describe('就业统计: export', () => {
  it('CSV: Chinese headers, one line per group and the totals, formula-looking text neutralised', async () => {
    // a major typed like a formula stays text
    await env.DB.prepare(
      "UPDATE records SET data = json_set(data, '$.major', '=HYPERLINK(\"x\")') WHERE kind = 'source-records' AND college_id = 'col-3' AND cohort = ?",
    )
      .bind(COHORT)
      .run();
    const res = await (await demo('center')).download(`/api/statistics?cohort=${COHORT}&by=major&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toContain(encodeURIComponent('就业统计-2031届-专业.csv'));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel in China opens it right
    const lines = new TextDecoder().decode(bytes).trim().split('\r\n');
    expect(lines[0]).toBe(
      '专业,毕业生数,已签约,签约率,已登记去向,已落实,去向落实率,协议和合同就业,科研助理、基层项目、应征入伍,灵活就业,自主创业,升学,出国、出境,待就业,暂不就业',
    );
    expect(lines).toContain('软件工程,3,1,33.33%,2,2,66.67%,1,0,0,0,1,0,0,0');
    expect(lines).toContain('"\'=HYPERLINK(""x"")",1,0,0.00%,0,0,0.00%,0,0,0,0,0,0,0,0');
    expect(lines.at(-1)).toBe('合计,8,1,12.50%,4,3,37.50%,2,0,0,0,1,0,1,0');
  });

  it('XLSX: the same table, counts as numbers, text never a formula; by day too', async () => {
    const center = await demo('center');
    const res = await center.download(`/api/statistics?cohort=${COHORT}&by=major&format=xlsx`);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const sheet = book.Sheets['就业统计']!;
    const rows = XLSX.utils.sheet_to_json<(string | number)[]>(sheet, { header: 1, raw: true });
    expect(rows[0]!.slice(0, 7)).toEqual(['专业', '毕业生数', '已签约', '签约率', '已登记去向', '已落实', '去向落实率']);
    expect(rows.find((r) => r[0] === '软件工程')!.slice(0, 7)).toEqual(['软件工程', 3, 1, '33.33%', 2, 2, '66.67%']);
    expect(rows.at(-1)!.slice(0, 2)).toEqual(['合计', 8]);
    const formulaCells = Object.entries(sheet).filter(([k, c]) => !k.startsWith('!') && (c as XLSX.CellObject).f);
    expect(formulaCells).toEqual([]);
    expect(rows.some((r) => r[0] === '=HYPERLINK("x")')).toBe(true);

    const days = await center.download(`/api/statistics?cohort=${COHORT}&by=day&format=xlsx`);
    const dayRows = XLSX.utils.sheet_to_json<(string | number)[]>(
      XLSX.read(new Uint8Array(await days.arrayBuffer()), { type: 'array' }).Sheets['就业统计']!,
      {
        header: 1,
        raw: true,
      },
    );
    expect(dayRows).toEqual([
      ['日期', '协议书生效（学校审核通过）', '毕业去向登记通过'],
      [beijingToday(), 1, 4],
      ['合计', 1, 4],
    ]);
  });
});

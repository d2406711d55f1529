/**
 * 导出 from the dispatch queue: the export takes the queue's filters (状态, 毕业届, 搜索, 学校, 学院)
 * and holds exactly the records the queue shows; without filters it is the export it always was —
 * the approved records (报到证待打印), the school's own or, for the centre, every school's.
 */
import { env } from 'cloudflare:workers';
import * as XLSX from '@e965/xlsx';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { demo, dispatchIn } from '../test/scenarios';
import { workerFetch } from '../test/worker-fetch';

const ORIGIN = 'https://wangqian.test';
type Target = 'center_review' | 'approved';

/** A dispatch the student filed for `employerName`, moved on to `state`; its student's 身份证号. */
async function dispatchFor(employerName: string, state: Target) {
  const d = await dispatchIn('unconfirmed');
  const submitted = await d.student.post(`/api/dispatches/${d.id}/submit`, { version: d.version, data: { ...d.data, employerName } });
  expect(submitted.status).toBe(200);
  let version: number = submitted.body.version;
  for (const reviewer of state === 'approved' ? ['college', 'school', 'center'] : ['college', 'school']) {
    const approved = await (await demo(reviewer)).post(`/api/dispatches/${d.id}/approve`, { version });
    expect(approved.status).toBe(200);
    version = approved.body.version;
  }
  return { id: d.id, idNumber: d.fixture.idNumber };
}

/** The 身份证号 column of a CSV export, as `who` gets it with `query`. */
async function exportedIds(who: TestClient, query = '') {
  const res = await who.get(`/api/dispatches/export?format=csv${query}`);
  expect(res.status, JSON.stringify(res.body).slice(0, 200)).toBe(200);
  const rows = Papa.parse<string[]>((res.body as string).replace(/^\uFEFF/, ''), {
    delimiter: ',',
    newline: '\r\n',
    skipEmptyLines: true,
  }).data;
  expect(rows[0]![1]).toBe('身份证号');
  return rows
    .slice(1)
    .map((r) => r[1])
    .sort();
}

/** What the queue lists for the same filters: ids of the records. */
async function listedIds(who: TestClient, query: string) {
  const res = await who.get(`/api/dispatches?limit=100${query}`);
  expect(res.status).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((i) => i.id);
}

describe('the dispatch export takes the queue’s filters', () => {
  it('without filters: the approved records, as before (school: its own, centre: all)', async () => {
    const approved = await dispatchFor('筛选测试甲科技有限公司', 'approved');
    const pending = await dispatchFor('筛选测试乙科技有限公司', 'center_review');
    const school = await demo('school');
    const center = await demo('center');
    const schoolIds = await exportedIds(school);
    expect(schoolIds).toContain(approved.idNumber);
    expect(schoolIds).not.toContain(pending.idNumber);
    expect(await exportedIds(center)).toEqual(schoolIds); // every approved dispatch of this file is 江苏示范大学's
    // another school exports none of them
    expect(await exportedIds(await demo('school2'))).toEqual([]);
  });

  it('state, search and cohort narrow it to exactly the rows the queue shows', async () => {
    const a = await dispatchFor('筛选测试丙科技有限公司', 'center_review');
    const b = await dispatchFor('筛选测试丁科技有限公司', 'center_review');
    const c = await dispatchFor('筛选测试丙科技有限公司', 'approved');
    const center = await demo('center');

    const waiting = await exportedIds(center, '&state=center_review');
    expect(waiting).toEqual(expect.arrayContaining([a.idNumber, b.idNumber]));
    expect(waiting).not.toContain(c.idNumber);
    expect(waiting).toHaveLength((await listedIds(center, '&state=center_review')).length);

    // the queue's search (单位名称 contained) with its state
    const q = `&q=${encodeURIComponent('丙科技')}`;
    expect(await exportedIds(center, `&state=center_review${q}`)).toEqual([a.idNumber]);
    expect(await listedIds(center, `&state=center_review${q}`)).toEqual([a.id]);
    // several states, as the list takes them
    expect(await exportedIds(center, `&state=center_review,approved${q}`)).toEqual([a.idNumber, c.idNumber].sort());

    // 毕业届
    await env.DB.prepare('UPDATE records SET cohort = 2026 WHERE id = ?').bind(b.id).run();
    expect(await exportedIds(center, '&state=center_review&cohort=2026')).toEqual([b.idNumber]);
    expect(await exportedIds(center, '&state=center_review&cohort=2027')).not.toContain(b.idNumber);
    expect(await listedIds(center, '&state=center_review&cohort=2026')).toEqual([b.id]);
  });

  it('the scope stays: a school filtering by another school gets nothing, the centre may pick a school', async () => {
    const mine = await dispatchFor('筛选测试戊科技有限公司', 'approved');
    const school2 = await demo('school2');
    expect(await exportedIds(school2, '&school=sch-1')).toEqual([]);
    expect(await exportedIds(school2, '&state=approved,center_review')).toEqual([]);
    const center = await demo('center');
    expect(await exportedIds(center, '&school=sch-1')).toContain(mine.idNumber);
    expect(await exportedIds(center, '&school=sch-2')).toEqual([]);
    expect(await exportedIds(await demo('school'), '&college=col-1')).toContain(mine.idNumber);
    expect(await exportedIds(await demo('school'), '&college=col-2')).toEqual([]);
  });

  it('the Excel export applies the same filters', async () => {
    const wanted = await dispatchFor('筛选测试己科技有限公司', 'center_review');
    const login = await workerFetch(
      new Request(`${ORIGIN}/api/session`, {
        method: 'POST',
        headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'school', password: 'demo1234' }),
      }),
    );
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const res = await workerFetch(
      new Request(`${ORIGIN}/api/dispatches/export?format=xlsx&state=center_review&q=${encodeURIComponent('己科技')}`, {
        headers: { Cookie: cookie },
      }),
    );
    expect(res.status).toBe(200);
    const book = XLSX.read(new Uint8Array(await res.arrayBuffer()), { type: 'array' });
    const rows = XLSX.utils.sheet_to_json<string[]>(book.Sheets['派遣方案']!, { header: 1, raw: true });
    expect(rows.slice(1).map((r) => r[1])).toEqual([wanted.idNumber]);
  });

  it('a malformed filter is refused as the queue refuses it', async () => {
    const center = await demo('center');
    const cohort = await center.get('/api/dispatches/export?format=csv&cohort=abc');
    expect(cohort.status).toBe(400);
    expect(cohort.body.error).toMatchObject({ code: 'bad_query', message: '毕业届格式不正确' });
    const q = await center.get(`/api/dispatches/export?q=${encodeURIComponent('长'.repeat(501))}`);
    expect(q.status).toBe(400);
    expect(q.body.error.fields[0]).toMatchObject({ path: 'q', code: 'maxLength' });
    expect((await center.get('/api/dispatches/export?format=pdf')).body.error.code).toBe('bad_query');
  });
});

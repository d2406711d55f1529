/**
 * 搜索: every list answers any search up to the longest value a searched field can hold — long
 * company names, Chinese text, ID numbers, a typed % or _ — and never 5xx; search terms never
 * reach the logs.
 */
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { MAX_SEARCH_LENGTH } from '../../forms/engine';
import { LIFECYCLES } from '../lifecycle/registry';
import { TestClient } from '../test/client';
import { uniqueCreditCode, uniqueMobile, uploadLicence } from '../test/fixtures';
import { demo, dispatchIn, paperAgreement, sourceRecordIn } from '../test/scenarios';
import { enterOfflineAgreement } from '../test/signing';

const ASCII_49 = 'Nanjing Yunfan Information Technology Co Ltd 2027'; // 49 characters
const CHINESE_17 = '江苏省南京市鼓楼区云帆信息科技发展'; // 17 characters, 51 bytes
/** 100 characters: the longest employer name the shipped forms take. */
const CHINESE_100 = ('南京云帆信息科技有限公司' + '江苏省南京市鼓楼区汉中路一号'.repeat(7)).slice(0, 96) + '有限公司';

/** A pending employer registration with the given name, as the centre sees it in its queue. */
async function registrationNamed(employerName: string): Promise<string> {
  const username = 'reg' + Math.random().toString(36).slice(2, 12);
  const data = {
    employerName,
    creditCode: uniqueCreditCode(),
    unitNature: '39',
    industry: 'I',
    employerRegion: '320106',
    employerAddress: '江苏省南京市鼓楼区汉中路 2 号',
    contactName: '钱经理',
    contactPhone: uniqueMobile(),
    businessLicence: [await uploadLicence()],
  };
  const res = await new TestClient().post('/api/employers', { username, password: 'Regist3r2027', data });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function search(client: TestClient, kind: string, q: string) {
  const res = await client.get(`/api/${kind}?limit=100&q=${encodeURIComponent(q)}`);
  expect(res.status).toBe(200);
  return res.body.items as Array<{ id: string; title: string }>;
}

let logs: MockInstance[] = [];
/** Everything the worker wrote to the console during the test, as one text. */
const logged = () =>
  logs
    .flatMap((spy) => spy.mock.calls)
    .map((args) => args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : String(a))).join(' '))
    .join('\n');

beforeEach(() => {
  logs = (['error', 'warn', 'log', 'info', 'debug'] as const).map((level) => vi.spyOn(console, level));
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('搜索: long and Chinese terms find the record (no LIKE pattern limit)', () => {
  it('the centre finds a 100-character company name by the whole name, 17 Chinese characters of it, or 49 ASCII characters', async () => {
    expect(Array.from(CHINESE_100)).toHaveLength(100);
    const chinese = await registrationNamed(CHINESE_100);
    const ascii = await registrationNamed(`南京${ASCII_49}`);
    const center = await demo('center');

    expect((await search(center, 'employer-registrations', CHINESE_100)).map((i) => i.id)).toEqual([chinese]);
    expect((await search(center, 'employer-registrations', CHINESE_100.slice(20, 37))).map((i) => i.id)).toContain(chinese);
    expect((await search(center, 'employer-registrations', ASCII_49)).map((i) => i.id)).toEqual([ascii]);
    // ASCII letters match regardless of case, as before
    expect((await search(center, 'employer-registrations', ASCII_49.toLowerCase())).map((i) => i.id)).toEqual([ascii]);
    // 17 Chinese characters that are in no name: an empty list, not an error
    expect(await search(center, 'employer-registrations', CHINESE_17)).toEqual([]);
    expect(logged()).not.toContain(ASCII_49);
    expect(logged()).not.toContain(CHINESE_17);
  });

  it('a % or _ typed by the user matches only itself', async () => {
    const percent = await registrationNamed('南京百分之100%_科技有限公司');
    const plain = await registrationNamed('南京百分之一百科技有限公司');
    const center = await demo('center');
    for (const q of ['%', '_', '100%_', '%_科技']) {
      const ids = (await search(center, 'employer-registrations', q)).map((i) => i.id);
      expect(ids).toContain(percent);
      expect(ids).not.toContain(plain);
    }
    const titles = (await search(center, 'employer-registrations', '%')).map((i) => i.title);
    for (const title of titles) expect(title).toContain('%');
  });

  it('a school finds a source record by the full 18-character ID number, which is never logged', async () => {
    const record = await sourceRecordIn('submitted');
    const school = await demo('school');
    const found = await search(school, 'source-records', record.fixture.idNumber);
    expect(found.map((i) => i.id)).toEqual([record.id]);
    expect(logged()).not.toContain(record.fixture.idNumber);
  });

  it('a college finds an offline agreement, and a student their dispatch, by a long employer name they typed', async () => {
    const longName = `${CHINESE_17}${ASCII_49}有限公司`;
    const { student, fixture } = await sourceRecordIn('approved');
    const created = await enterOfflineAgreement(student, { ...paperAgreement(), employerName: longName });
    expect(created.status).toBe(201);
    expect(fixture.idNumber).toHaveLength(18);
    const college = await demo('college');
    expect((await search(college, 'agreements', longName)).map((i) => i.id)).toEqual([created.body.id]);
    expect((await search(college, 'agreements', CHINESE_17)).map((i) => i.id)).toContain(created.body.id);

    const dispatch = await dispatchIn('unconfirmed');
    const saved = await dispatch.student.post(`/api/dispatches/${dispatch.id}/save`, {
      version: dispatch.version,
      data: { ...dispatch.data, employerName: longName },
    });
    expect(saved.status).toBe(200);
    expect((await search(dispatch.student, 'dispatches', longName)).map((i) => i.id)).toEqual([dispatch.id]);
  });
});

describe('搜索: every list, any term up to the cap, never 5xx', () => {
  const kinds = Object.keys(LIFECYCLES);
  const terms = [
    'a'.repeat(49),
    '云'.repeat(17),
    '云'.repeat(100),
    '𠀀'.repeat(MAX_SEARCH_LENGTH),
    '110101200001011234',
    '%',
    '_',
    '\\',
    "'",
    '"',
    '%_\\%',
  ];

  it.each(kinds)('%s: 200 with a list for every term', async (kind) => {
    const admin = await demo('admin');
    for (const q of terms) {
      const res = await admin.get(`/api/${kind}?q=${encodeURIComponent(q)}`);
      expect(res.status, `${kind} q=${q.slice(0, 20)}`).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    }
    expect(logged()).toBe('');
  });

  it.each(kinds)(`%s: a term over ${MAX_SEARCH_LENGTH} characters is a 400 naming the field, not a cut that misses`, async (kind) => {
    const admin = await demo('admin');
    const res = await admin.get(`/api/${kind}?q=${encodeURIComponent('云'.repeat(MAX_SEARCH_LENGTH + 1))}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'bad_query',
      message: `搜索内容最多 ${MAX_SEARCH_LENGTH} 个字`,
      fields: [{ path: 'q', code: 'maxLength' }],
    });
  });

  it('the employer lookup refuses an over-long name or ID number with a 400, and logs neither', async () => {
    const employer = await demo('employer');
    const name = '李'.repeat(MAX_SEARCH_LENGTH + 1);
    const res = await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&phone=13900000000&name=${encodeURIComponent(name)}`);
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([expect.objectContaining({ path: 'name', code: 'maxLength' })]);
    const id = await employer.get(`/api/students/lookup?school=sch-1&cohort=2027&idNumber=${'1'.repeat(MAX_SEARCH_LENGTH + 1)}`);
    expect(id.status).toBe(400);
    expect(logged()).toBe('');
  });
});

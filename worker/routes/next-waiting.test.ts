/**
 * After approving or rejecting, a reviewer goes on to the next record of the same queue waiting for
 * them: `GET /api/<kind>/next?<the list's filters>&after=<id>` names it (or null when none is left).
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';
import { demo, paperAgreement } from '../test/scenarios';
import { enterOfflineAgreement } from '../test/signing';

/** Three paper agreements of one company (its name is the queue's search), oldest first. */
async function queueOfThree(company: string) {
  const ids: string[] = [];
  for (let i = 0; i < 3; i++) {
    const fixture = await studentWithSourceRecord('approved');
    const student = await TestClient.as(fixture.username);
    const created = await enterOfflineAgreement(student, { ...paperAgreement(), employerName: company });
    expect(created.status).toBe(201);
    ids.push(created.body.id);
  }
  return ids;
}

const next = async (client: TestClient, query: string) => {
  const res = await client.get(`/api/agreements/next?${query}`);
  expect(res.status).toBe(200);
  return res.body.next as string | null;
};

describe('the next item of a college reviewer’s queue', () => {
  it('is the next one down the queue with the same filters, skips the handled, wraps to the top, and is null when all are done', async () => {
    const company = '无锡队列测试甲机械有限公司';
    const [oldest, middle, newest] = await queueOfThree(company);
    const college = await demo('college');
    const queue = `state=college_review&q=${encodeURIComponent(company)}`;

    // the queue lists newest first: newest, middle, oldest
    expect(await next(college, queue)).toBe(newest);
    expect(await next(college, `${queue}&after=${newest}`)).toBe(middle);
    expect(await next(college, `${queue}&after=${middle}`)).toBe(oldest);

    // the newest is returned; the middle one waits; after the oldest the queue starts again at the top
    const view = (await college.get(`/api/agreements/${newest}`)).body;
    expect((await college.post(`/api/agreements/${newest}/reject`, { version: view.version, reason: '公章不清晰' })).status).toBe(200);
    expect(await next(college, `${queue}&after=${oldest}`)).toBe(middle);

    // in the 全部 tab (no state filter) a returned record is not waiting for the college either
    expect(await next(college, `q=${encodeURIComponent(company)}&after=${newest}`)).toBe(middle);

    for (const id of [middle, oldest]) {
      const v = (await college.get(`/api/agreements/${id}`)).body;
      expect((await college.post(`/api/agreements/${id}/approve`, { version: v.version })).status).toBe(200);
    }
    expect(await next(college, `${queue}&after=${oldest}`)).toBeNull();

    // now they wait for the school, in its own queue
    const school = await demo('school');
    expect(await next(school, `state=school_review&q=${encodeURIComponent(company)}&after=${oldest}`)).toBe(middle);
    // a queue of states the reviewer never moves has nothing waiting
    expect(await next(college, `state=school_review&q=${encodeURIComponent(company)}`)).toBeNull();
  });

  it('is never a record outside the reviewer’s scope', async () => {
    const company = '无锡队列测试乙机械有限公司';
    const [, , newest] = await queueOfThree(company);
    const other = await demo('college2');
    expect(await next(other, `q=${encodeURIComponent(company)}`)).toBeNull();
    expect(await next(await demo('college'), `q=${encodeURIComponent(company)}`)).toBe(newest);
  });

  it('refuses a malformed id (400) and a kind the role does not read (404)', async () => {
    const college = await demo('college');
    const bad = await college.get('/api/agreements/next?after=not-an-id');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ code: 'bad_query', message: '记录编号无效' });
    expect((await (await demo('province')).get('/api/agreements/next')).status).toBe(404);
  });
});

/**
 * Every D1 round trip of a request waits on the one database; the hot record routes are built to
 * need as few as possible: the session comes with the record, the answer with the write.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { studentWithSourceRecord } from '../test/fixtures';
import type { AnswerBody } from '../test/answer-body';

const ORIGIN = 'https://wangqian.test';

/** The real binding, counting the calls that reach the database (a batch is one). */
function countingD1(d1: D1Database) {
  const counter = { calls: 0 };
  const counted = <T extends object>(target: T, methods: string[]): T => {
    for (const m of methods) {
      const original = (target as Record<string, unknown>)[m] as (...args: unknown[]) => unknown;
      (target as Record<string, unknown>)[m] = (...args: unknown[]) => {
        if (m !== 'bind') counter.calls++;
        const out = original.apply(target, args);
        return m === 'bind' ? counted(out as object, ['bind', 'first', 'all', 'run', 'raw']) : out;
      };
    }
    return target;
  };
  const binding = {
    prepare: (query: string) => counted(d1.prepare(query), ['bind', 'first', 'all', 'run', 'raw']),
    batch: (statements: D1PreparedStatement[]) => {
      counter.calls++;
      return d1.batch(statements);
    },
    exec: (query: string) => {
      counter.calls++;
      return d1.exec(query);
    },
  } as unknown as D1Database;
  return { binding, counter };
}

async function signedInCookie(username: string): Promise<string> {
  const res = await app.fetch(
    new Request(ORIGIN + '/api/session', {
      method: 'POST',
      headers: { Origin: ORIGIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password: 'demo1234' }),
    }),
    env,
  );
  expect(res.status).toBe(200);
  return res.headers.getSetCookie()[0]!.split(';')[0]!;
}

async function roundTrips(cookie: string, method: string, path: string, body?: unknown) {
  const { binding, counter } = countingD1(env.DB);
  const res = await app.fetch(
    new Request(ORIGIN + path, {
      method,
      headers: { Origin: ORIGIN, Cookie: cookie, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
    { ...env, DB: binding },
  );
  return { status: res.status, body: await res.json<Record<string, AnswerBody>>(), calls: counter.calls };
}

describe('D1 round trips of the record routes', () => {
  it('a record read is one: session, record and timeline together', async () => {
    const s = await studentWithSourceRecord('imported');
    const cookie = await signedInCookie(s.username);
    // the first read of a form version fetches it once per isolate; count the reads after that
    await roundTrips(cookie, 'GET', `/api/source-records/${s.recordId}`);
    const read = await roundTrips(cookie, 'GET', `/api/source-records/${s.recordId}`);
    expect(read.status).toBe(200);
    expect(read.body.timeline).toEqual([]);
    expect(read.calls).toBe(1);
  });

  it('a transition is two: session with the record, then the write with the answer', async () => {
    const s = await studentWithSourceRecord('submitted', { collegeId: 'col-1' });
    const school = await signedInCookie('school');
    await roundTrips(school, 'GET', `/api/source-records/${s.recordId}`);
    const approve = await roundTrips(school, 'POST', `/api/source-records/${s.recordId}/approve`, { version: 1 });
    expect(approve.status).toBe(200);
    expect(approve.body.timeline.at(-1)).toMatchObject({ action: 'approve' });
    expect(approve.calls).toBe(2);
  });

  it('an employer lookup is two: the session (with whether the employer is verified) and the students together, then the audit row within the daily quota', async () => {
    const s = await studentWithSourceRecord('approved');
    const employer = await signedInCookie('employer');
    const lookup = await roundTrips(employer, 'GET', `/api/students/lookup?school=sch-1&cohort=2027&idNumber=${s.idNumber}`);
    expect(lookup.status).toBe(200);
    expect(lookup.body.items).toEqual([
      expect.objectContaining({
        studentId: s.studentId,
        name: '测试学生',
        schoolName: '江苏示范大学',
        collegeName: '计算机科学与技术学院',
        cohort: 2027,
      }),
    ]);
    expect(lookup.body.items[0].idNumber).not.toBe(s.idNumber); // masked
    expect(lookup.calls).toBe(2);
    // an employer the centre has not verified reads the same, and is refused without the students (nor an audit row)
    const unverified = await roundTrips(
      await signedInCookie('employer2'),
      'GET',
      `/api/students/lookup?school=sch-1&cohort=2027&idNumber=${s.idNumber}`,
    );
    expect(unverified.status).toBe(403);
    expect(unverified.body.items).toBeUndefined();
    expect(unverified.calls).toBe(1);
  });

  it('without a session cookie nothing is read at all', async () => {
    const { binding, counter } = countingD1(env.DB);
    const res = await app.fetch(new Request(ORIGIN + '/api/source-records/x', { headers: { Origin: ORIGIN } }), { ...env, DB: binding });
    expect(res.status).toBe(401);
    expect(counter.calls).toBe(0);
  });
});

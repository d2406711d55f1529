/**
 * The employer lookup cannot be scraped: it is limited per account and per address (misses cost
 * more than hits), counted against a daily quota per employer, audited without the identifier
 * itself, shown to the student it found — and a student can be found by a 签约码 instead.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient, type Reply } from '../test/client';
import { idNumberAt, studentWithSourceRecord, verifiedEmployer } from '../test/fixtures';
import { beijingDayStart, lookupQuotaKey } from '../domain/student-lookup/lookup-limits';
import { SIGNING_CODE_ALPHABET } from '../domain/student-lookup/signing-code';

const byId = (idNumber: string) => `/api/students/lookup?school=sch-1&cohort=2027&idNumber=${idNumber}`;
const byCode = (code: string, school = 'sch-1') => `/api/students/lookup?school=${school}&code=${encodeURIComponent(code)}`;
/** valid ID numbers of another region than any fixture's: nobody has them */
const nobody = (n: number) => idNumberAt(n, '110101');

let ips = 0;
/** an address no other test uses (no other test file sends these) */
const freshIp = () => {
  ips++;
  return `10.77.${(ips >> 8) & 255}.${ips & 255}`;
};

function from(ip: string) {
  return (client: TestClient, path: string) => client.request('GET', path, undefined, { headers: { 'CF-Connecting-IP': ip } });
}

/** The limiters count per clock minute: start a burst early in one, so it is not split across two. */
async function employerClient() {
  const employer = await verifiedEmployer();
  return { employer, client: await TestClient.as(employer.username) };
}

async function studentPhone(studentId: string) {
  return (await env.DB.prepare('SELECT phone FROM students WHERE id = ?').bind(studentId).first<{ phone: string }>())!.phone;
}

describe('what a lookup shows', () => {
  it('shows only the last 4 characters of the ID number and the phone', async () => {
    const s = await studentWithSourceRecord('approved');
    const { client } = await employerClient();
    const res = await client.get(byId(s.idNumber));
    expect(res.status).toBe(200);
    expect(res.body.items[0].idNumber).toBe('*'.repeat(14) + s.idNumber.slice(-4));
    expect(res.body.items[0].phone).toBe('*'.repeat(7) + (await studentPhone(s.studentId)).slice(-4));
  });
});

describe('every lookup is audited, the identifier only as a keyed hash', () => {
  it('a hit records who, when, how, and the student found — and not the ID number', async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, client } = await employerClient();
    const before = new Date().toISOString();
    const ip = freshIp();
    expect((await from(ip)(client, byId(s.idNumber))).status).toBe(200);
    const rows = await env.DB.prepare('SELECT * FROM student_lookups WHERE employer_id = ?').bind(employer.employerId).all();
    expect(rows.results).toHaveLength(1);
    const row = rows.results[0];
    expect(row).toMatchObject({
      account_id: employer.accountId,
      by: 'idNumber',
      hit: 1,
      student_id: s.studentId,
      school_id: 'sch-1',
      cohort: 2027,
    });
    expect((row!.at as string) >= before).toBe(true);
    expect(row!.identifier_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.ip_hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(s.idNumber);
    expect(stored).not.toContain(s.idNumber.slice(0, 14));
    expect(stored).not.toContain(ip);
  });

  it('a miss is recorded as a miss, with no student; the same identifier gives the same hash', async () => {
    const { employer, client } = await employerClient();
    const id = nobody(7);
    expect((await client.get(byId(id))).status).toBe(404);
    expect((await client.get(byId(id))).status).toBe(404);
    const rows = (await env.DB.prepare('SELECT * FROM student_lookups WHERE employer_id = ?').bind(employer.employerId).all()).results;
    expect(rows.map((r) => [r.by, r.hit, r.student_id])).toEqual([
      ['idNumber', 0, null],
      ['idNumber', 0, null],
    ]);
    expect(rows[0]!.identifier_hash).toBe(rows[1]!.identifier_hash);
    expect(JSON.stringify(rows)).not.toContain(id);
  });

  it('a refused caller is not audited', async () => {
    const s = await studentWithSourceRecord('approved');
    const before = (await env.DB.prepare("SELECT COUNT(*) AS n FROM student_lookups WHERE employer_id = 'emp-2'").first<{ n: number }>())!
      .n;
    expect((await (await TestClient.as('employer2')).get(byId(s.idNumber))).status).toBe(403);
    expect((await env.DB.prepare("SELECT COUNT(*) AS n FROM student_lookups WHERE employer_id = 'emp-2'").first<{ n: number }>())!.n).toBe(
      before,
    );
  });
});

// The limiters count in fixed one-minute windows, and a window may roll over during a test: each
// test allows for that (up to twice the allowance before a refusal) instead of waiting for a new minute.
describe('lookups are rate-limited, and misses cost more than hits', () => {
  /** Misses until the first 429 (at most 2 windows' worth); returns how many were answered 404, and the 429. */
  async function missUntilRefused(get: ReturnType<typeof from>, client: TestClient, first: number, perWindow: number) {
    for (let i = 0; i <= 2 * perWindow; i++) {
      const res = await get(client, byId(nobody(first + i)));
      if (res.status === 429) return { misses: i, refused: res };
      expect(res.status).toBe(404);
    }
    throw new Error('never refused');
  }

  it('an account runs out after 10 misses in a minute (30 units, a miss costs 3), answered 429 with Retry-After, even for a real student', async () => {
    const s = await studentWithSourceRecord('approved');
    const { client } = await employerClient();
    const get = from(freshIp());
    let refused: Reply | undefined;
    for (let round = 0; round < 2 && refused?.status !== 429; round++) {
      const run = await missUntilRefused(get, client, 100 + round * 100, 10);
      expect(run.misses).toBeGreaterThanOrEqual(10);
      expect(run.misses).toBeLessThanOrEqual(20);
      refused = await get(client, byId(s.idNumber)); // a window that just rolled over lets it through: spend again
    }
    expect(refused!.status).toBe(429);
    expect(refused!.headers.get('Retry-After')).toBe('60');
    expect(refused!.body.error).toEqual({ code: 'too_many_lookups', message: '查询过于频繁，请 1 分钟后再试' });
    expect(refused!.body.items).toBeUndefined();
  });

  it('the same account finds 20 real students in a minute without being slowed down', async () => {
    const students = await Promise.all(Array.from({ length: 20 }, () => studentWithSourceRecord('approved')));
    const { client } = await employerClient();
    const get = from(freshIp());
    for (const s of students) expect((await get(client, byId(s.idNumber))).status).toBe(200);
  });

  it('one address runs out across accounts: 20 misses from two accounts stop a third account there, not elsewhere', async () => {
    const s = await studentWithSourceRecord('approved');
    const [a, b, c] = await Promise.all([employerClient(), employerClient(), employerClient()]);
    const ip = freshIp();
    let there: Reply | undefined;
    for (let round = 0; round < 2 && there?.status !== 429; round++) {
      // alternate two accounts (10 misses each is below each account's own limit) until the address is refused
      let misses = 0;
      for (let i = 0; misses < 40; i++) {
        const res = await from(ip)(i % 2 ? b.client : a.client, byId(nobody(200 + round * 100 + i)));
        if (res.status === 429) break;
        expect(res.status).toBe(404);
        misses++;
      }
      expect(misses).toBeGreaterThanOrEqual(20);
      there = await from(ip)(c.client, byId(s.idNumber));
    }
    expect(there!.status).toBe(429);
    expect(there!.body.error.code).toBe('too_many_lookups');
    expect((await from(freshIp())(c.client, byId(s.idNumber))).status).toBe(200);
  });
});

describe('each employer has a daily quota (Beijing day)', () => {
  /** units the employer already spent on a day */
  async function spent(employerId: string, units: number, day = new Date()) {
    await env.DB.prepare('INSERT INTO counters (key, value) VALUES (?, ?)').bind(lookupQuotaKey(employerId, day), units).run();
  }

  it('past 200 units today (a miss is 3) lookups are refused until midnight, and not audited; yesterday does not count', async () => {
    const s = await studentWithSourceRecord('approved');
    const { employer, client } = await employerClient();
    const today = beijingDayStart();
    await spent(employer.employerId, 198);
    await spent(employer.employerId, 200, new Date(Date.parse(today) - 1000)); // yesterday
    const audited = () =>
      env.DB.prepare('SELECT COUNT(*) AS n FROM student_lookups WHERE employer_id = ?').bind(employer.employerId).first<{ n: number }>();
    expect((await client.get(byId(s.idNumber))).status).toBe(200); // 199
    const miss = await client.get(byId(nobody(400))); // would be 202
    expect(miss.status).toBe(429);
    expect(miss.body.error.code).toBe('lookup_quota_exceeded');
    expect((await audited())!.n).toBe(1); // the refused lookup is not audited: it showed nothing
    expect(miss.body.error.message).toContain('今日的查询额度（200');
    const retryAfter = Number(miss.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(86_400);
    expect(Date.now() + retryAfter * 1000).toBeGreaterThanOrEqual(Date.parse(today) + 86_400_000);
    expect((await client.get(byId(s.idNumber))).status).toBe(200); // 200: the last unit
    const over = await client.get(byId(s.idNumber));
    expect(over.status).toBe(429);
    expect(over.body.items).toBeUndefined();
    expect((await audited())!.n).toBe(2);
    expect(
      (await env.DB.prepare('SELECT value FROM counters WHERE key = ?')
        .bind(lookupQuotaKey(employer.employerId))
        .first<{ value: number }>())!.value,
    ).toBe(200);
  });

  it('the quota is the employer’s own: another employer is not affected', async () => {
    const s = await studentWithSourceRecord('approved');
    const spentOne = await employerClient();
    await spent(spentOne.employer.employerId, 200);
    expect((await spentOne.client.get(byId(s.idNumber))).status).toBe(429);
    expect((await (await employerClient()).client.get(byId(s.idNumber))).status).toBe(200);
  });
});

describe('a student sees which employers looked them up', () => {
  it('lists the employers that found the student, newest first, and nobody else’s lookups', async () => {
    const s = await studentWithSourceRecord('approved');
    const other = await studentWithSourceRecord('approved');
    const first = await verifiedEmployer('南京甲查询科技有限公司');
    const second = await verifiedEmployer('苏州乙查询科技有限公司');
    expect((await (await TestClient.as(first.username)).get(byId(s.idNumber))).status).toBe(200);
    const phone = await studentPhone(s.studentId);
    expect((await (await TestClient.as(second.username)).get(`/api/students/lookup?school=sch-1&cohort=2027&phone=${phone}`)).status).toBe(
      200,
    );
    expect((await (await TestClient.as(second.username)).get(byId(other.idNumber))).status).toBe(200);

    const mine = await (await TestClient.as(s.username)).get('/api/students/me/lookups');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((i: { employerName: string; by: string }) => [i.employerName, i.by])).toEqual([
      ['苏州乙查询科技有限公司', 'phone'],
      ['南京甲查询科技有限公司', 'idNumber'],
    ]);
    expect(mine.body.items[0].at >= mine.body.items[1].at).toBe(true);
    const theirs = await (await TestClient.as(other.username)).get('/api/students/me/lookups');
    expect(theirs.body.items.map((i: { employerName: string }) => i.employerName)).toEqual(['苏州乙查询科技有限公司']);
  });

  it('an employer cannot read a student’s lookups', async () => {
    expect((await (await TestClient.as('employer')).get('/api/students/me/lookups')).status).toBe(403);
  });
});

describe('签约码: found by school and code alone', () => {
  async function approvedStudentWithCode() {
    const s = await studentWithSourceRecord('approved');
    const student = await TestClient.as(s.username);
    const created = await student.post('/api/students/me/signing-codes');
    expect(created.status).toBe(201);
    return { s, student, created: created.body as { id: string; code: string; hint: string; createdAt: string; expiresAt: string } };
  }

  it('a student creates an 8-character code valid for 7 days; an employer finds the student by school and code, audited as a code lookup', async () => {
    const { s, student, created } = await approvedStudentWithCode();
    expect(created.code).toMatch(new RegExp(`^[${SIGNING_CODE_ALPHABET}]{8}$`));
    expect(created.hint).toBe(created.code.slice(-2));
    expect(Date.parse(created.expiresAt) - Date.parse(created.createdAt)).toBe(7 * 86_400_000);
    const listed = await student.get('/api/students/me/signing-codes');
    expect(listed.body.items).toEqual([{ id: created.id, hint: created.hint, createdAt: created.createdAt, expiresAt: created.expiresAt }]);

    const { employer, client } = await employerClient();
    const found = await client.get(byCode(created.code.toLowerCase().replace(/^(.{4})/, '$1-')));
    expect(found.status).toBe(200);
    expect(found.body.items).toEqual([
      expect.objectContaining({ studentId: s.studentId, name: '测试学生', idNumber: '*'.repeat(14) + s.idNumber.slice(-4) }),
    ]);
    const audit = await env.DB.prepare('SELECT * FROM student_lookups WHERE employer_id = ?').bind(employer.employerId).first();
    expect(audit).toMatchObject({ by: 'code', hit: 1, student_id: s.studentId, cohort: null });
    expect(JSON.stringify(audit)).not.toContain(created.code);
    const stored = await env.DB.prepare('SELECT * FROM signing_codes WHERE id = ?').bind(created.id).first();
    expect(JSON.stringify(stored)).not.toContain(created.code);
    expect((await student.get('/api/students/me/lookups')).body.items).toEqual([
      expect.objectContaining({ employerName: employer.name, by: 'code' }),
    ]);
  });

  it('a code of another school does not match, and a miss is the same 404 as any miss', async () => {
    const { created } = await approvedStudentWithCode();
    const { client } = await employerClient();
    const res = await client.get(byCode(created.code, 'sch-2'));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('student_not_found');
  });

  it('a new code revokes the old one', async () => {
    const { student, created } = await approvedStudentWithCode();
    const next = (await student.post('/api/students/me/signing-codes')).body;
    const { client } = await employerClient();
    expect((await client.get(byCode(created.code))).status).toBe(404);
    expect((await client.get(byCode(next.code))).status).toBe(200);
    expect((await student.get('/api/students/me/signing-codes')).body.items.map((i: { id: string }) => i.id)).toEqual([next.id]);
  });

  it('a revoked code finds nobody; only its own student may revoke it', async () => {
    const { student, created } = await approvedStudentWithCode();
    const stranger = await TestClient.as((await studentWithSourceRecord('approved')).username);
    expect((await stranger.delete(`/api/students/me/signing-codes/${created.id}`)).status).toBe(404);
    const { client } = await employerClient();
    expect((await client.get(byCode(created.code))).status).toBe(200);
    const revoked = await student.delete(`/api/students/me/signing-codes/${created.id}`);
    expect(revoked.status).toBe(200);
    expect((await client.get(byCode(created.code))).status).toBe(404);
    expect((await student.get('/api/students/me/signing-codes')).body.items).toEqual([]);
  });

  it('an expired code finds nobody', async () => {
    const { student, created } = await approvedStudentWithCode();
    await env.DB.prepare('UPDATE signing_codes SET expires_at = ? WHERE id = ?')
      .bind(new Date(Date.now() - 1000).toISOString(), created.id)
      .run();
    const { client } = await employerClient();
    const res = await client.get(byCode(created.code));
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('student_not_found');
    expect((await student.get('/api/students/me/signing-codes')).body.items).toEqual([]);
  });

  it('only a student whose 生源 is 省级通过 may create one', async () => {
    const s = await studentWithSourceRecord('school_approved');
    const res = await (await TestClient.as(s.username)).post('/api/students/me/signing-codes');
    expect(res.status).toBe(409);
    expect(res.body.error).toEqual({ code: 'source_not_approved', message: '生源信息通过省级审核后才能生成签约码' });
    expect(
      (await env.DB.prepare('SELECT COUNT(*) AS n FROM signing_codes WHERE student_id = ?').bind(s.studentId).first<{ n: number }>())!.n,
    ).toBe(0);
  });

  it('a malformed code is a bad query, and a code cannot be combined with another identifier', async () => {
    const { client } = await employerClient();
    const bad = await client.get(byCode('ABC'));
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual([{ path: 'code', code: 'format', message: '签约码为 8 位字母或数字' }]);
    expect((await client.get(`${byCode('ABCDEFGH')}&idNumber=${nobody(1)}`)).status).toBe(400);
  });
});

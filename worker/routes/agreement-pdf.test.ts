import { env } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText } from '../domain/agreement-pdf/extract-text';
import { TestClient } from '../test/client';
import { studentWithSourceRecord, type FixtureStudent } from '../test/fixtures';
import { jobTerms, sendInvitation } from '../test/signing';
import { sessionCookieOf, workerFetch } from '../test/worker-fetch';

const ORIGIN = 'https://wangqian.test';
const RARE_NAME = '欧阳明堃';
const MAX_PDF_BYTES = 150 * 1024;
const COPY_LABELS = ['学校存档联', '学生留存联', '用人单位留存联', '档案转递联'];

const cookieOf = (username: string) => sessionCookieOf(ORIGIN, username);

async function getPdf(agreementId: string, cookie?: string): Promise<Response> {
  return workerFetch(new Request(`${ORIGIN}/api/agreements/${agreementId}/pdf`, { headers: cookie ? { Cookie: cookie } : {} }));
}

/** An approved student whose name has a character outside the common set, with an online agreement. */
async function signedStudent(): Promise<{ student: FixtureStudent; agreementId: string; number: string; verifyCode: string }> {
  const student = await studentWithSourceRecord('approved');
  await env.DB.batch([
    env.DB.prepare("UPDATE records SET data = json_set(data, '$.name', ?) WHERE id = ?").bind(RARE_NAME, student.recordId),
    env.DB.prepare('UPDATE students SET name = ? WHERE id = ?').bind(RARE_NAME, student.studentId),
  ]);
  const employer = await TestClient.as('employer');
  const invitation = await sendInvitation(employer, student.studentId, jobTerms({ otherTerms: '提供员工宿舍；'.repeat(40) }));
  const client = await TestClient.as(student.username);
  const seen = (await client.get(`/api/invitations/${invitation.id}`)).body;
  const accepted = await client.post(`/api/invitations/${invitation.id}/accept`, { version: seen.version, data: seen.data });
  expect(accepted.status).toBe(200);
  const row = await env.DB.prepare("SELECT id, number, verify_code FROM records WHERE kind = 'agreements' AND student_id = ?")
    .bind(student.studentId)
    .first<{ id: string; number: string; verify_code: string }>();
  return { student, agreementId: row!.id, number: row!.number, verifyCode: row!.verify_code };
}

describe('GET /api/agreements/:id/pdf', () => {
  let signed: Awaited<ReturnType<typeof signedStudent>>;
  beforeAll(async () => {
    signed = await signedStudent();
  });

  it('gives the student a four-copy A4 PDF in Chinese with every party, the number and the verify code', async () => {
    const res = await getPdf(signed.agreementId, await cookieOf(signed.student.username));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/pdf');
    expect(res.headers.get('Content-Disposition')).toContain(`filename*=UTF-8''${encodeURIComponent(`协议书-${signed.number}.pdf`)}`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    expect(bytes.length).toBeLessThanOrEqual(MAX_PDF_BYTES);

    const runs = await extractPdfText(bytes);
    const text = runs.join('\n');
    expect(text).toContain('全国普通高等学校毕业生就业协议书');
    for (const label of COPY_LABELS) expect(runs.filter((r) => r === label)).not.toHaveLength(0);
    expect(text).toContain(signed.number);
    expect(text).toContain('南京云帆信息科技有限公司');
    expect(runs).toContain(RARE_NAME);
    expect(text).toContain('待学院审核');
    expect(text).toContain(`${ORIGIN}/verify/${signed.verifyCode}`);
    // code tables as labels, regions as full names, numbers with units
    expect(text).toContain('缴纳五险一金');
    expect(text).toContain('江苏省南京市鼓楼区');
    expect(text).toContain('12000 元/月');
    for (const box of ['学生签字', '用人单位盖章', '学院意见/盖章', '学校就业部门盖章']) expect(text).toContain(box);
    // every copy has the same pages, each with a page x/y footer
    const pageFooters = runs.filter((r) => /第 \d+ 页 \/ 共 \d+ 页$/.test(r));
    const perCopy = Number(/共 (\d+) 页/.exec(pageFooters[0]!)![1]);
    expect(pageFooters).toHaveLength(4 * perCopy);
    for (const label of COPY_LABELS) expect(pageFooters.filter((f) => f.startsWith(label))).toHaveLength(perCopy);
  });

  it('gives the employer the same agreement', async () => {
    const res = await getPdf(signed.agreementId, await cookieOf('employer'));
    expect(res.status).toBe(200);
    const runs = await extractPdfText(new Uint8Array(await res.arrayBuffer()));
    expect(runs).toContain(RARE_NAME);
    expect(runs.join('\n')).toContain(signed.number);
  });

  it('refuses everyone who may not read the agreement, as if it did not exist', async () => {
    expect((await getPdf(signed.agreementId)).status).toBe(401);
    for (const username of ['student', 'college2', 'school2', 'employer2']) {
      const res = await getPdf(signed.agreementId, await cookieOf(username));
      expect(res.status, username).toBe(404);
      expect((await res.json<{ error: { code: string } }>()).error.code).toBe('not_found');
    }
    const own = await cookieOf('college');
    expect((await getPdf(signed.agreementId, own)).status).toBe(200);
    expect((await getPdf('no-such-agreement', own)).status).toBe(404);
    // an id of another kind of record is not an agreement
    const invitationId = await env.DB.prepare("SELECT id FROM records WHERE kind = 'invitations' AND student_id = ?")
      .bind(signed.student.studentId)
      .first<string>('id');
    expect((await getPdf(invitationId!, own)).status).toBe(404);
  });
});

describe('GET /verify/:code', () => {
  const getPage = (path: string) => workerFetch(new Request(ORIGIN + path));

  it('shows validity, number, employer and the masked student name — nothing else personal', async () => {
    const { agreementId, number, verifyCode, student } = await signedStudent();
    const pending = await getPage(`/verify/${verifyCode}`);
    expect(pending.status).toBe(200);
    expect(pending.headers.get('Content-Type')).toContain('text/html');
    expect(pending.headers.get('Content-Security-Policy')).toContain("style-src 'self' 'unsafe-inline'");
    const html = await pending.text();
    expect(html).toContain('审核中');
    expect(html).toContain(number);
    expect(html).toContain('欧阳*堃');
    expect(html).toContain('南京云帆信息科技有限公司');
    expect(html).toContain('江苏示范大学');
    expect(html).not.toContain(RARE_NAME);
    expect(html).not.toContain(student.idNumber);
    expect(html).not.toContain('<script');

    const college = await TestClient.as('college');
    expect((await college.post(`/api/agreements/${agreementId}/approve`, { version: 1 })).status).toBe(200);
    const school = await TestClient.as('school');
    expect((await school.post(`/api/agreements/${agreementId}/approve`, { version: 2, data: {} })).status).toBe(200);
    const approved = await (await getPage(`/verify/${verifyCode.toLowerCase()}`)).text();
    expect(approved).toContain('有效');
    expect(approved).toContain('学校审核通过');
    expect(approved).toMatch(/学校审核通过日期<\/dt><dd>\d{4}-\d{2}-\d{2}</);
  });

  it('answers an unknown or malformed code with a Chinese 404 page', async () => {
    for (const code of ['0123456789ABCDEF', 'not-a-code', '%3Cscript%3E', '0123456789ABCDEF0']) {
      const res = await getPage(`/verify/${code}`);
      expect(res.status, code).toBe(404);
      const html = await res.text();
      expect(html).toContain('未找到协议书');
      expect(html).not.toContain('<script');
    }
  });
});

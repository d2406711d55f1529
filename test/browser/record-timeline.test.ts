/**
 * 办理记录 on the record page as a reviewer sees it: a dispatch record that went 学院 → 学校 → 中心
 * shows three different approvals by three different reviewers, the college's return with its
 * reason in the red box, and the system's note on the record's opening as a plain note; the
 * agreement it came from opens with 学生接受邀约, not 录入线下协议书. At 1280 px and at 375 px.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../worker/domain/files/sample-files.fixture';
import { closeSession, login, openBrowser, type Session } from './browser';
import { freshIdentities } from './fresh-identities';
import { ApiClient } from './local-server';
import type { AnswerBody } from '../../worker/test/answer-body';
import { jobTerms } from '../../worker/test/job-terms';

const fresh = freshIdentities('record-timeline');

let s: Session;
beforeAll(async () => {
  s = await openBrowser();
});
afterAll(async () => {
  await closeSession(s);
});

async function ok(res: Promise<{ status: number; body: AnswerBody }>, status = 200) {
  const r = await res;
  if (r.status !== status) throw new Error(`${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Through the API as each party would: a student imported, checked, signed online, the dispatch returned once and approved by all three reviewers. */
async function recordsWithFullHistory(base: string) {
  const idNumber = fresh.idNumber();
  const mobile = fresh.mobile();
  const school = await ApiClient.signIn(base, 'school');
  const roster = new FormData();
  roster.append(
    'file',
    new Blob(
      [
        `姓名,身份证号,性别,学院,专业,学历,毕业届,生源所在地,手机号码\r\n吴思齐,${idNumber},1,计算机科学与技术学院,软件工程,31,2027,320106,${mobile}\r\n`,
      ],
      { type: 'text/csv' },
    ),
    '生源.csv',
  );
  const imported = await ok(school.request('POST', '/api/source-records/import', undefined, { body: roster }));
  const student = await ApiClient.signIn(base, idNumber, imported.credentials[0].password);
  await ok(
    student.request('POST', '/api/session/password', { currentPassword: imported.credentials[0].password, newPassword: 'siqi2027pass' }),
  );
  await ok(student.request('POST', '/api/session/identity', { idNumber, mobile }));

  const sourceId = (await ok(student.request('GET', '/api/source-records'))).items[0].id;
  let source = await ok(student.request('GET', `/api/source-records/${sourceId}`));
  source = await ok(student.request('POST', `/api/source-records/${sourceId}/submit`, { version: source.version, data: source.data }));
  source = await ok(school.request('POST', `/api/source-records/${sourceId}/approve`, { version: source.version }));
  await ok(
    (await ApiClient.signIn(base, 'province')).request('POST', `/api/source-records/${sourceId}/approve`, { version: source.version }),
  );

  const employer = await ApiClient.signIn(base, 'employer');
  const draft = await ok(employer.request('POST', '/api/invitations', { studentId: source.studentId, data: {} }), 201);
  const terms = jobTerms({ jobTitle: '测试开发工程师', monthlySalary: 11000 });

  const sent = await ok(
    employer.request('POST', `/api/invitations/${draft.id}/send`, { version: draft.version, data: { ...draft.data, ...terms } }),
  );
  await ok(student.request('POST', `/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} }));

  const college = await ApiClient.signIn(base, 'college');
  const agreementId = (await ok(student.request('GET', '/api/agreements'))).items[0].id;
  const agreement = await ok(college.request('POST', `/api/agreements/${agreementId}/approve`, { version: 1 }));
  await ok(school.request('POST', `/api/agreements/${agreementId}/approve`, { version: agreement.version, data: {} }));

  const dispatchId = (await ok(student.request('GET', '/api/dispatches'))).items[0].id;
  let dispatch = await ok(student.request('GET', `/api/dispatches/${dispatchId}`));
  const photo = new FormData();
  photo.append('file', new Blob([tinyPng() as Uint8Array<ArrayBuffer>], { type: 'image/png' }), '协议书.png');
  const proof = await ok(student.request('POST', '/api/files', undefined, { body: photo }), 201);
  const data = { ...dispatch.data, proofPhotos: [proof.id] };
  dispatch = await ok(student.request('POST', `/api/dispatches/${dispatchId}/submit`, { version: dispatch.version, data }));
  dispatch = await ok(
    college.request('POST', `/api/dispatches/${dispatchId}/reject`, { version: dispatch.version, reason: '协议书照片不清晰，请重新拍摄' }),
  );
  dispatch = await ok(student.request('POST', `/api/dispatches/${dispatchId}/submit`, { version: dispatch.version, data }));
  dispatch = await ok(college.request('POST', `/api/dispatches/${dispatchId}/approve`, { version: dispatch.version }));
  dispatch = await ok(school.request('POST', `/api/dispatches/${dispatchId}/approve`, { version: dispatch.version }));
  await ok(
    (await ApiClient.signIn(base, 'center')).request('POST', `/api/dispatches/${dispatchId}/approve`, { version: dispatch.version }),
  );
  return { agreementId, dispatchId };
}

/** The 办理记录 entries as shown: step, actor line, reason box, note. */
async function shownTimeline() {
  const items = s.page.getByRole('complementary', { name: '办理记录' }).locator('.timeline-item');
  await expect.poll(() => items.count()).toBeGreaterThan(0);
  return items.evaluateAll((lis) =>
    lis.map((li) => ({
      label: li.querySelector('.timeline-label')?.textContent ?? '',
      actor: li.querySelector('.timeline-actor')?.textContent ?? '',
      reason: li.querySelector('.timeline-reason')?.textContent ?? null,
      note: li.querySelector('.timeline-note')?.textContent ?? null,
      noteBackground: li.querySelector('.timeline-note') ? getComputedStyle(li.querySelector('.timeline-note')!).backgroundColor : null,
    })),
  );
}

describe('办理记录 on the record page', () => {
  it('names the college, school and centre approvals apart, and shows a system note as a note, not a reason', async () => {
    const { agreementId, dispatchId } = await recordsWithFullHistory(s.baseUrl);
    await login(s, 'college');

    for (const width of [1280, 375]) {
      await s.page.setViewportSize({ width, height: 860 });
      await s.page.goto(`${s.baseUrl}/r/dispatches/${dispatchId}`);
      const dispatch = await shownTimeline();
      expect(dispatch.map((e) => e.label)).toEqual([
        '生成派遣信息',
        '保存并送审',
        '退回学生',
        '保存并送审',
        '学院审核通过',
        '学校审核通过',
        '中心审核通过',
      ]);
      expect(dispatch.slice(-3).map((e) => e.actor.slice(e.actor.indexOf('（')))).toEqual(['（学院审核）', '（学校审核）', '（就业中心）']);
      // the one reason a person gave, in the reason box; the system's words as a plain note
      expect(dispatch.filter((e) => e.reason).map((e) => [e.label, e.reason])).toEqual([
        ['退回学生', '理由：协议书照片不清晰，请重新拍摄'],
      ]);
      expect(dispatch[0]).toMatchObject({ reason: null, note: '协议书学校审核通过，生成派遣信息', noteBackground: 'rgba(0, 0, 0, 0)' });

      await s.page.goto(`${s.baseUrl}/r/agreements/${agreementId}`);
      const agreement = await shownTimeline();
      expect(agreement.map((e) => e.label)).toEqual(['学生接受邀约', '学院审核通过', '学校审核通过']);
      expect(agreement[0]).toMatchObject({ actor: expect.stringContaining('吴思齐（学生）'), reason: null, note: '学生应约，生成协议书' });
      expect(agreement.every((e) => e.reason === null)).toBe(true);
    }
  }, 180_000);
});

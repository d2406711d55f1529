/**
 * 生源信息's 办理记录: every step of the table named as the table names it (学校审核通过 and 省级审核通过
 * apart), the returns with their reasons, and the school's imports named by the table's recorded
 * events — a re-import's 「重新导入」 a note, never a reviewer's reason.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../../test/client';
import { studentWithSourceRecord, uniqueIdNumber, uniqueMobile } from '../../test/fixtures';
import { upload } from '../../test/roster-import';
import { demo } from '../../test/scenarios';
import { expectNoteEntry, TimelineWalk, type Seen } from '../../test/timeline-walk';
import { sourceRecords } from './source-records';

const HEADERS = ['姓名', '身份证号', '性别', '学院', '专业', '学历', '毕业届', '生源所在地', '手机号码'];
const rosterLine = (idNumber: string, major: string, mobile: string) =>
  `${HEADERS.join(',')}\r\n周子涵,${idNumber},1,计算机科学与技术学院,${major},31,2027,320106,${mobile}\r\n`;

describe('生源信息 办理记录', () => {
  it('names each of its transitions as the table does, the reviewers in Chinese, a reason only where one was given', async () => {
    const walk = new TimelineWalk(sourceRecords);
    const fixture = await studentWithSourceRecord('imported');
    const student = { client: await TestClient.as(fixture.username), role: 'student' as const };
    const school = { client: await demo('school'), role: 'school' as const };
    const province = { client: await demo('province'), role: 'province' as const };

    let r: Seen = (await student.client.get(`/api/source-records/${fixture.recordId}`)).body;
    r = await walk.take(student, r, 'save', { data: r.data });
    r = await walk.take(school, r, 'correct', { data: { major: '人工智能' } });
    r = await walk.take(student, r, 'submit', { data: r.data });
    r = await walk.take(school, r, 'reject', { reason: '专业名称与学籍不符' });
    r = await walk.take(student, r, 'submit', { data: r.data });
    r = await walk.take(school, r, 'approve');
    r = await walk.take(province, r, 'reject', { reason: '生源所在地与档案不符' });
    r = await walk.take(student, r, 'submit', { data: r.data });
    r = await walk.take(school, r, 'approve');
    r = await walk.take(province, r, 'approve');
    walk.expectEveryTransitionTaken();
    expect(
      r.timeline
        .filter((e) => e.action === 'approve')
        .slice(-2)
        .map((e) => [e.label, e.actorRoleLabel]),
    ).toEqual([
      ['学校审核通过', '学校审核'],
      ['省级审核通过', '省级审核'],
    ]);
  });

  it("names the school's import and re-import by the table, the re-import's text a note", async () => {
    const walk = new TimelineWalk(sourceRecords);
    const school = await demo('school');
    const idNumber = uniqueIdNumber();
    const mobile = uniqueMobile();
    expect((await upload(school, rosterLine(idNumber, '软件工程', mobile))).body).toMatchObject({ created: 1, errors: [] });
    expect((await upload(school, rosterLine(idNumber, '人工智能', mobile))).body).toMatchObject({ updated: 1, errors: [] });
    const row = await env.DB.prepare("SELECT id FROM records WHERE kind = 'source-records' AND json_extract(data, '$.idNumber') = ?")
      .bind(idNumber)
      .first<{ id: string }>();

    const seen: Seen = (await school.get(`/api/source-records/${row!.id}`)).body;
    expect(seen.timeline).toHaveLength(2);
    expectNoteEntry(seen.timeline[0], { action: 'import', label: walk.recorded('import', (e) => !e.when), role: 'school', note: null });
    expectNoteEntry(seen.timeline[1], {
      action: 'import',
      label: walk.recorded('import', (e) => Boolean(e.when)),
      role: 'school',
      note: '重新导入',
    });
    expect(seen.timeline.map((e) => e.label)).toEqual(['学校导入', '学校重新导入']);
  });
});

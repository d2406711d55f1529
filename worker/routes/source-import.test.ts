import * as XLSX from '@e965/xlsx';
import { env } from 'cloudflare:workers';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { upload } from '../test/roster-import';
import { count, uniqueIdNumber, uniqueIdNumbers, uniqueMobile } from '../test/fixtures';

const HEADERS_ZH = ['姓名', '身份证号', '性别', '学院', '专业', '学历', '毕业届', '生源所在地', '手机号码', '学号', '考生号'];

function rosterRow(idNumber: string, i: number, overrides: Record<number, string> = {}) {
  const row = [
    `${'赵钱孙李周吴郑王'[i % 8]}${'子涵思远雨桐浩然'[(i >> 3) % 8]}`,
    idNumber,
    '1',
    '计算机科学与技术学院',
    '软件工程',
    '31',
    '2027',
    '320106',
    uniqueMobile(),
    `2023${String(i).padStart(6, '0')}`,
    `2332010610${String(i).padStart(4, '0')}`,
  ];
  for (const [k, v] of Object.entries(overrides)) row[Number(k)] = v;
  return row;
}

function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n') + '\r\n';
}

describe('学校导入生源 (school imports the cohort roster)', () => {
  it('a UTF-8 CSV with a BOM and Chinese headers creates records, accounts and one-time passwords', async () => {
    const ids = uniqueIdNumbers(3);
    const school = await TestClient.as('school');
    const res = await upload(school, '\uFEFF' + csv([HEADERS_ZH, ...ids.map((id, i) => rosterRow(id, i))]));
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body).toMatchObject({ created: 3, updated: 0 });
    expect(res.body.credentials.map((c: { username: string }) => c.username)).toEqual(ids);

    const cred = res.body.credentials[0];
    const student = new TestClient();
    const login = await student.post('/api/session', { username: cred.username, password: cred.password });
    expect(login.status).toBe(200);
    expect(login.body.user.mustChangePassword).toBe(true);
    // an initial password opens nothing but the password change
    expect((await student.get('/api/source-records')).body.error.code).toBe('password_change_required');
    expect(await count('records', "kind = 'source-records' AND state = 'imported' AND json_extract(data, '$.idNumber') = ?", ids[0])).toBe(
      1,
    );
  });

  it('an ID number typed with a small x becomes the username with a capital X, and the student signs in either way', async () => {
    let id = uniqueIdNumber();
    while (!id.endsWith('X')) id = uniqueIdNumber();
    const school = await TestClient.as('school');
    const res = await upload(school, csv([HEADERS_ZH, rosterRow(id.toLowerCase(), 0)]));
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    expect(res.body.credentials).toEqual([expect.objectContaining({ username: id })]);
    expect(await count('accounts', 'username = ?', id)).toBe(1);
    const { password } = res.body.credentials[0];
    const small = await new TestClient().post('/api/session', { username: id.toLowerCase(), password });
    expect(small.status).toBe(200);
    expect(small.body.user.username).toBe(id);
  });

  it('bad rows are reported with row, field and message, and only the good rows are imported', async () => {
    const ids = uniqueIdNumbers(3);
    const broken = ids[1]!.slice(0, 17) + (ids[1]![17] === '0' ? '1' : '0');
    const school = await TestClient.as('school');
    const res = await upload(
      school,
      csv([HEADERS_ZH, rosterRow(ids[0]!, 0), rosterRow(broken, 1), rosterRow(ids[2]!, 2, { 8: '12345' }), rosterRow(ids[0]!, 3)]),
    );
    expect(res.status).toBe(200);
    expect(res.body.created).toBe(1);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'idNumber' }),
        expect.objectContaining({ row: 4, field: 'mobile' }),
        expect.objectContaining({ row: 5, field: 'idNumber', message: expect.stringContaining('第 2 行') }),
      ]),
    );
    expect(await count('students', 'id_number IN (?, ?)', broken, ids[2])).toBe(0);
  });

  it('blank rows are skipped, and a problem names the row as the spreadsheet numbers it', async () => {
    const ids = uniqueIdNumbers(4);
    const school = await TestClient.as('school');
    const blank = HEADERS_ZH.map(() => '');
    const spaces = HEADERS_ZH.map(() => '  ');
    // row 2 good, row 3 blank, row 4 only spaces, row 5 a bad phone, row 6 good
    const grid = [HEADERS_ZH, rosterRow(ids[0]!, 0), blank, spaces, rosterRow(ids[1]!, 1, { 8: '12345' }), rosterRow(ids[2]!, 2)];
    const fromCsv = await upload(school, csv(grid) + '\r\n\r\n');
    expect(fromCsv.body.created).toBe(2);
    expect(fromCsv.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[5, 'mobile']]);
    expect(fromCsv.body.problemList.rows).toHaveLength(1);
    expect(fromCsv.body.problemList.rows[0][1]).toBe(ids[1]);

    const sheet = XLSX.utils.aoa_to_sheet([HEADERS_ZH, rosterRow(ids[3]!, 3), [], [], rosterRow(ids[1]!, 1, { 8: '12345' })]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '生源');
    const fromXlsx = await upload(school, new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'roster.xlsx');
    expect(fromXlsx.body.created).toBe(1);
    expect(fromXlsx.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[5, 'mobile']]);
  });

  it('a GBK CSV as Excel in China saves it imports with correct Chinese names', async () => {
    const [id] = uniqueIdNumbers(1);
    const school = await TestClient.as('school');
    const row = rosterRow(id!, 0, { 0: '欧阳堃' });
    const res = await upload(school, new Uint8Array(iconv.encode(csv([HEADERS_ZH, row]), 'gbk')));
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    const student = await env.DB.prepare('SELECT name FROM students WHERE id_number = ?').bind(id).first<{ name: string }>();
    expect(student!.name).toBe('欧阳堃');
  });

  it('an XLSX roster with field keys as headers imports, ID numbers kept as text', async () => {
    const ids = uniqueIdNumbers(2);
    const sheet = XLSX.utils.aoa_to_sheet([
      ['name', 'idNumber', 'gender', 'college', 'major', 'education', 'cohort', 'originRegion', 'mobile'],
      ...ids.map((id, i) => [
        `${['林', '郭'][i % 2]}晓${['宇', '琳'][i % 2]}`,
        id,
        '2',
        '经济管理学院',
        '会计学',
        '31',
        2027,
        '320106',
        uniqueMobile(),
      ]),
    ]);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '生源');
    const bytes = new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' }));
    const res = await upload(await TestClient.as('school'), bytes, 'roster.xlsx');
    expect(res.body).toMatchObject({ created: 2, errors: [] });
    const row = await env.DB.prepare('SELECT college_id FROM students WHERE id_number = ?').bind(ids[1]).first<{ college_id: string }>();
    expect(row!.college_id).toBe('col-2');
  });

  it('re-import updates records still with the school and never overwrites a submitted one', async () => {
    const ids = uniqueIdNumbers(2);
    const school = await TestClient.as('school');
    const first = await upload(school, csv([HEADERS_ZH, ...ids.map((id, i) => rosterRow(id, i))]));
    expect(first.body.created).toBe(2);
    await env.DB.prepare("UPDATE records SET state = 'submitted' WHERE kind = 'source-records' AND json_extract(data, '$.idNumber') = ?")
      .bind(ids[1])
      .run();

    const again = await upload(school, csv([HEADERS_ZH, ...ids.map((id, i) => rosterRow(id, i, { 4: '人工智能' }))]));
    expect(again.body).toMatchObject({ created: 0, updated: 1, credentials: [] });
    expect(again.body.errors).toEqual([
      expect.objectContaining({ row: 3, field: 'idNumber', message: expect.stringContaining('不会覆盖') }),
    ]);
    const major = async (id: string) =>
      (await env.DB.prepare(
        "SELECT json_extract(data, '$.major') AS m, version FROM records WHERE kind = 'source-records' AND json_extract(data, '$.idNumber') = ?",
      )
        .bind(id)
        .first<{ m: string; version: number }>())!;
    expect(await major(ids[0]!)).toEqual({ m: '人工智能', version: 2 });
    expect((await major(ids[1]!)).m).toBe('软件工程');
  });

  it('names and text outside ASCII and outside the Basic Multilingual Plane are stored exactly as uploaded', async () => {
    const ids = uniqueIdNumbers(1);
    const name = '王𪚥·堃喆'; // 𪚥 (U+2A6A5) is a surrogate pair in JavaScript strings
    const school = await TestClient.as('school');
    const res = await upload(school, csv([HEADERS_ZH, rosterRow(ids[0]!, 0, { 0: name, 4: '软件工程 "卓越计划" \\ 𠀀' })]));
    expect(res.body).toMatchObject({ created: 1, errors: [] });
    const student = await env.DB.prepare(
      'SELECT s.name AS name, a.display_name AS account, r.data AS data, e.snapshot AS snapshot FROM students s JOIN accounts a ON a.student_id = s.id JOIN records r ON r.student_id = s.id JOIN audit_events e ON e.record_id = r.id WHERE s.id_number = ?',
    )
      .bind(ids[0])
      .first<{ name: string; account: string; data: string; snapshot: string }>();
    expect(student!.name).toBe(name);
    expect(student!.account).toBe(name);
    expect(JSON.parse(student!.data)).toMatchObject({ name, major: '软件工程 "卓越计划" \\ 𠀀' });
    expect(student!.snapshot).toBe(student!.data);
  });

  it('10,000 rows import in one request (chunked, within the 100-parameter limit)', async () => {
    const ids = uniqueIdNumbers(10_000);
    const school = await TestClient.as('school');
    const res = await upload(school, csv([HEADERS_ZH, ...ids.map((id, i) => rosterRow(id, i))]));
    expect(res.status).toBe(200);
    expect(res.body.errors).toEqual([]);
    expect(res.body.created).toBe(10_000);
    expect(await count('accounts', 'username IN (?, ?)', ids[0], ids[9999])).toBe(2);
  }, 120_000);

  it('only a school reviewer may import', async () => {
    const res = await upload(await TestClient.as('college'), csv([HEADERS_ZH]));
    expect(res.status).toBe(403);
  });

  it('a file without the ID-number column is refused as a whole', async () => {
    const res = await upload(
      await TestClient.as('school'),
      csv([
        ['姓名', '学院'],
        ['张三', '计算机科学与技术学院'],
      ]),
    );
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('missing_column');
  });

  it('the blank template has the form labels as headers', async () => {
    const school = await TestClient.as('school');
    const res = await school.get('/api/source-records/import-template');
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toContain('text/csv');
    expect(String(res.body)).toContain('身份证号');
  });
});

describe('初次进入: a newly imported student changes the initial password, then confirms identity', () => {
  it('walks through both gates before seeing the source record', async () => {
    const [id] = uniqueIdNumbers(1);
    const school = await TestClient.as('school');
    const imported = await upload(school, csv([HEADERS_ZH, rosterRow(id!, 0)]));
    const { password } = imported.body.credentials[0];

    const student = new TestClient();
    await student.post('/api/session', { username: id, password });
    const changed = await student.post('/api/session/password', { currentPassword: password, newPassword: 'mypass2027' });
    expect(changed.status).toBe(200);
    expect(changed.body.user.mustChangePassword).toBe(false);
    expect((await student.get('/api/source-records')).body.error.code).toBe('identity_confirmation_required');

    const wrong = await student.post('/api/session/identity', { idNumber: '110101199003071234', mobile: '13800009999' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.fields[0].path).toBe('idNumber');

    const ok = await student.post('/api/session/identity', { idNumber: id, mobile: '13800009999', email: 'stu@example.edu.cn' });
    expect(ok.status).toBe(200);
    expect(ok.body.user.identityConfirmed).toBe(true);
    const list = await student.get('/api/source-records');
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0]).toMatchObject({ state: 'imported', stateLabel: '学校导入' });
  });
});

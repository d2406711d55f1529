/**
 * A roster as a registrar types it into Excel: labels instead of codes, region names, loose dates.
 * The fixtures (test/fixtures/roster-as-typed.csv / .xlsx, see its README) must import 27 students
 * and refuse 3 rows with reasons a registrar can act on.
 */
import * as XLSX from '@e965/xlsx';
import { describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../forms/engine';
import { toCsv } from '../../forms/engine/csv';
import { TestClient } from '../test/client';
import { expectTheThreeRefusedRows, ROSTER_CSV, ROSTER_XLSX, storedData, upload } from '../test/roster-import';
import { count, uniqueIdNumbers, uniqueMobile } from '../test/fixtures';

/** The required columns, typed as labels; `fields` overrides by header. */
const REQUIRED = ['姓名', '身份证号', '性别', '学院', '专业', '学历', '毕业届', '生源所在地', '手机号码'];
function typedRow(name: string, idNumber: string, fields: Record<string, string> = {}): string[] {
  const base: Record<string, string> = {
    姓名: name,
    身份证号: idNumber,
    性别: '男',
    学院: '经济管理学院',
    专业: '会计学',
    学历: '本科',
    毕业届: '2027',
    生源所在地: '江苏省南京市鼓楼区',
    手机号码: uniqueMobile(),
  };
  return REQUIRED.map((h) => fields[h] ?? base[h]!);
}

describe('a roster typed as registrars type it (labels, region names, loose dates)', () => {
  it('the CSV imports 27 students as codes and refuses the 3 broken rows with their reasons; the XLSX of the same students then changes nothing', async () => {
    const school = await TestClient.as('school');
    const res = await upload(school, ROSTER_CSV());
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 27, updated: 0, unchanged: 0 });
    expectTheThreeRefusedRows(res.body.errors);

    // 江苏 南京 玄武区, 2005/1/9, 男, 汉族, 中共党员, 本科, 非定向 are stored as the codes the forms use
    expect(await storedData('320102200511279947')).toMatchObject({
      gender: '2',
      originRegion: '320102',
      birthDate: '2005-11-27',
      ethnicity: '01',
      politicalStatus: '13',
      education: '31',
      trainingMode: '1',
    });
    expect(await storedData('320106200501097192')).toMatchObject({
      gender: '1',
      originRegion: '320106',
      birthDate: '2005-01-09',
      politicalStatus: '01',
      enrollmentDate: '2023-09-01',
    });
    // 江苏省苏州市姑苏区 with a trailing space, a check character X
    expect(await storedData('32050820050412295X')).toMatchObject({
      originRegion: '320508',
      birthDate: '2005-04-12',
      lengthOfSchooling: 4,
      cohort: 2027,
    });

    const again = await upload(school, ROSTER_XLSX(), 'roster.xlsx');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ created: 0, updated: 0, unchanged: 27 });
    expectTheThreeRefusedRows(again.body.errors);
  });

  it('the problem list is the refused rows as typed plus a 问题 column; fixed, it imports again as is', async () => {
    const school = await TestClient.as('school');
    const res = await upload(school, ROSTER_CSV());
    const { header, rows } = res.body.problemList as { header: string[]; rows: string[][] };
    expect(header).toEqual([
      ...'姓名,性别,身份证号,出生日期,民族,政治面貌,学号,学院,专业,学历,培养方式,学制,毕业届,入学日期,毕业日期,生源所在地,手机号码,电子邮箱'.split(
        ',',
      ),
      '问题',
    ]);
    expect(rows.map((r) => r[2])).toEqual(['440305200508024290', '440305200509153218', '440305200503169227']);
    expect(rows[0]!.slice(0, 6)).toEqual(['马思远', '男', '440305200508024290', '2005-08-02', '汉族', '共青团员']);
    expect(rows[2]![15]).toBe('火星市奥林匹斯区');
    expect(rows[0]![18]).toContain('身份证号');
    expect(rows[1]![18]).toContain('请填写姓名');
    expect(rows[2]![18]).toContain('可填：省、市、区县名称');

    // the registrar fixes the three cells in the downloaded file and uploads it unchanged otherwise
    const fixedId = rows[0]![2]!.slice(0, 17) + idNumberCheckChar(rows[0]![2]!.slice(0, 17));
    rows[0]![2] = fixedId;
    rows[1]![0] = '王小明';
    rows[2]![15] = '广东省深圳市南山区';
    const fixed = await upload(school, toCsv(header, rows, [2]));
    expect(fixed.body.errors).toEqual([]);
    expect(fixed.body).toMatchObject({ created: 3 });
    expect(fixed.body.problemList.rows).toEqual([]);
    expect(await storedData('440305200503169227')).toMatchObject({ originRegion: '440305' });
  });

  it('every spelling of a value a registrar types is read, and an ambiguous district is refused with its candidates', async () => {
    const school = await TestClient.as('school');
    const ids = uniqueIdNumbers(4);
    const head = [
      '姓名',
      '身份证号',
      '性别',
      '民族',
      '政治面貌',
      '学院',
      '专业',
      '学历',
      '培养方式',
      '毕业届',
      '毕业日期',
      '生源所在地',
      '手机号码',
    ];
    const rows = [
      [
        '张三',
        ids[0]!.toLowerCase(),
        '男性',
        '汉',
        '团员',
        '计算机科学与技术学院',
        '软件工程',
        '大学本科',
        '非定向',
        '２０２７',
        '2027年6月30日',
        '江苏南京玄武区',
        '+86 138 0013 8000',
      ],
      [
        '李四',
        ids[1],
        '女',
        '回族',
        '党员',
        '经济管理学院',
        '会计学',
        '硕士研究生',
        '定向',
        '2027',
        '2027.06.30',
        '北京市海淀区',
        '138-0013-8001',
      ],
      ['王五', ids[2], '1', '01', '3', '经济管理学院', '会计学', '专科(高职)', '1', '2027', '20270630', '南京市 玄武区', uniqueMobile()],
      ['赵六', ids[3], '男', '汉族', '群众', '经济管理学院', '会计学', '大专', '非定向', '2027', '2027/6/30', '鼓楼区', uniqueMobile()],
    ];
    const res = await upload(school, toCsv(head, rows));
    expect(res.body.created).toBe(3);
    expect(res.body.errors).toHaveLength(1);
    expect(res.body.errors[0]).toMatchObject({ row: 5, field: 'originRegion', name: '赵六', value: '鼓楼区' });
    expect(res.body.errors[0].message).toContain('江苏省南京市鼓楼区');
    expect(res.body.errors[0].message).toContain('福建省福州市鼓楼区');
    expect(await storedData(ids[0]!.toUpperCase())).toMatchObject({
      gender: '1',
      ethnicity: '01',
      politicalStatus: '03',
      education: '31',
      cohort: 2027,
      graduationDate: '2027-06-30',
      originRegion: '320102',
      mobile: '13800138000',
    });
    expect(await storedData(ids[1]!)).toMatchObject({
      gender: '2',
      ethnicity: '03',
      politicalStatus: '01',
      education: '11',
      trainingMode: '2',
      originRegion: '110108',
      mobile: '13800138001',
    });
    expect(await storedData(ids[2]!)).toMatchObject({ politicalStatus: '03', education: '41' });
  });

  it('an Excel date cell reads as its date whatever its display format (m/d/yy is not a US-date guess), numbers and full-width digits as text', async () => {
    const school = await TestClient.as('school');
    const [id, id2] = uniqueIdNumbers(2);
    const rows: unknown[][] = [
      [...REQUIRED, '出生日期', '入学日期'],
      [...typedRow('张三', id!, { 手机号码: '１３８００１３８００２' }), 0, 0],
      [
        ...typedRow(
          '李四',
          id2!.replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
        ),
        0,
        0,
      ],
    ];
    const sheet = XLSX.utils.aoa_to_sheet(rows);
    // 2004-11-27 shown as 11/27/04 (Excel's built-in format 14), 2023-09-01 as 2023年9月1日
    for (const r of [1, 2]) {
      sheet[XLSX.utils.encode_cell({ r, c: 9 })] = { t: 'n', v: 38318, z: 'm/d/yy' };
      sheet[XLSX.utils.encode_cell({ r, c: 10 })] = { t: 'n', v: 45170, z: 'yyyy"年"m"月"d"日"' };
    }
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, '生源');
    const res = await upload(school, new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'xlsx' })), 'roster.xlsx');
    expect(res.body.errors).toEqual([]);
    expect(res.body.created).toBe(2);
    expect(await storedData(id!)).toMatchObject({ birthDate: '2004-11-27', enrollmentDate: '2023-09-01', mobile: '13800138002' });
    expect(await storedData(id2!)).toMatchObject({ birthDate: '2004-11-27', idNumber: id2 });
  });

  it('a value not in a code table names the column, the value as typed and the labels it accepts', async () => {
    const school = await TestClient.as('school');
    const [id] = uniqueIdNumbers(1);
    const res = await upload(
      school,
      toCsv(REQUIRED, [typedRow('张三', id!, { 性别: '男女', 学历: '初中', 生源所在地: '江苏省南京市', 学院: '' })]),
    );
    expect(res.body.created).toBe(0);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['gender', 'college', 'education', 'originRegion']);
    const [gender, college, education, origin] = res.body.errors;
    expect(gender).toMatchObject({
      row: 2,
      field: 'gender',
      column: '性别',
      value: '男女',
      name: '张三',
      idNumber: id,
      accepted: '男、女（或其代码）',
    });
    expect(gender.message).toBe('性别「男女」不是可选的值');
    expect(education).toMatchObject({ field: 'education', value: '初中' });
    expect(education.accepted).toContain('专科（高职）');
    // nothing in a file is 「请选择」: a missing or too vague value says what to write
    expect(college).toMatchObject({ column: '学院', message: '请填写学院' });
    expect(college.value).toBeUndefined();
    expect(origin).toMatchObject({
      value: '江苏省南京市',
      message: '生源所在地「江苏省南京市」不够具体，请写到区县（如 江苏省南京市玄武区）',
    });
  });
});

describe('bad input gets a clear error and writes nothing, or exactly the valid rows', () => {
  it('a file of another type (PDF, picture, old .xls) is refused by name', async () => {
    const school = await TestClient.as('school');
    const before = await count('students');
    const pdf = await upload(
      school,
      new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x00, 0x01, 0x02]),
      'roster.pdf',
    );
    expect(pdf.status).toBe(400);
    expect(pdf.body.error).toMatchObject({ code: 'bad_file', message: expect.stringContaining('CSV 或 Excel') });
    const xls = await upload(school, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]), 'roster.xls');
    expect(xls.status).toBe(400);
    expect(xls.body.error.message).toContain('.xlsx');
    const zip = await upload(school, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]), 'roster.xlsx');
    expect(zip.status).toBe(400);
    expect(zip.body.error.code).toBe('bad_file');
    expect(await count('students')).toBe(before);
  });

  it('an empty file and a file with only the header are refused', async () => {
    const school = await TestClient.as('school');
    const empty = await upload(school, new Uint8Array(0));
    expect(empty.status).toBe(400);
    expect(empty.body.error.code).toBe('empty_file');
    const blank = await upload(school, '\uFEFF\r\n\r\n');
    expect(blank.status).toBe(400);
    expect(blank.body.error.code).toBe('no_header');
    const headerOnly = await upload(school, '\uFEFF姓名,身份证号,学院,毕业届\r\n');
    expect(headerOnly.status).toBe(400);
    expect(headerOnly.body.error).toMatchObject({ code: 'no_rows', message: expect.stringContaining('没有学生数据') });
  });

  it('50,000 rows are refused as a whole, naming the limit', async () => {
    const school = await TestClient.as('school');
    const before = await count('students');
    const line = '张三,110101200001011234,经济管理学院,2027\r\n';
    const res = await upload(school, `姓名,身份证号,学院,毕业届\r\n${line.repeat(50_000)}`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'too_many_rows', message: expect.stringContaining('20000') });
    expect(await count('students')).toBe(before);
  }, 60_000);

  it('a header row without a required column is refused as a whole, naming the column', async () => {
    const school = await TestClient.as('school');
    const [id] = uniqueIdNumbers(1);
    const res = await upload(school, toCsv(['姓名', '身份证号', '学院'], [['张三', id, '经济管理学院']]));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'missing_column', message: '缺少必需的列「毕业届」' });
    expect(await count('students', 'id_number = ?', id)).toBe(0);
  });

  it('the same 身份证号 twice in one file: the first row is imported, the second is refused naming the first', async () => {
    const school = await TestClient.as('school');
    const [id, other] = uniqueIdNumbers(2);
    const res = await upload(
      school,
      toCsv(REQUIRED, [typedRow('张三', id!), typedRow('李四', other!), typedRow('张三三', id!.toLowerCase())]),
    );
    expect(res.body.created).toBe(2);
    expect(res.body.errors).toEqual([
      expect.objectContaining({ row: 4, field: 'idNumber', name: '张三三', message: expect.stringContaining('第 2 行重复') }),
    ]);
    expect(await count('students', 'id_number = ?', id)).toBe(1);
    expect((await storedData(id!)).name).toBe('张三');
  });
});

import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CSV_BOM, csvCell, csvLine, neutraliseFormula, toCsv } from './csv';

/** What a spreadsheet (or any RFC 4180 reader) gets back from the file. */
function readBack(csv: string): string[][] {
  expect(csv.startsWith(CSV_BOM)).toBe(true);
  const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ',', newline: '\r\n', skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('CSV writer: what a user typed cannot become a formula', () => {
  it.each([
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ["+1+cmd|' /C calc'!A0", "'+1+cmd|' /C calc'!A0"],
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['\tplain', "'\tplain"],
    ['  =HYPERLINK("http://x")', '\'  =HYPERLINK("http://x")'],
    ['\n=1+1', "'\n=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('%j is read back as %j', (typed, shown) => {
    expect(neutraliseFormula(typed)).toBe(shown);
    expect(readBack(toCsv(['备注'], [[typed]]))[1]).toEqual([shown]);
  });

  it('legitimate values with a dangerous lead are prefixed too (one rule, documented): phones and negative numbers', () => {
    expect(csvCell('+8613812345678')).toBe("'+8613812345678");
    expect(csvCell(-5)).toBe("'-5");
    expect(csvCell('-')).toBe("'-");
  });

  it('safe text is written exactly as typed, = + - @ in the middle included', () => {
    for (const v of [
      '南京云帆信息科技有限公司',
      'a=b',
      '1+1',
      '2027-06-01',
      'x@example.com',
      "'already quoted",
      '110101200001011234',
      '0571',
      '',
    ])
      expect(neutraliseFormula(v)).toBe(v);
    expect(csvLine(['a=b', '1+1', '2027-06-01', 'x@example.com'])).toBe('a=b,1+1,2027-06-01,x@example.com\r\n');
  });
});

describe('CSV writer: RFC 4180 with a BOM for Excel', () => {
  it('quotes only what needs it and doubles inner quotes; records end with CRLF', () => {
    expect(csvLine(['考生号', '身份证号', '姓名'])).toBe('考生号,身份证号,姓名\r\n');
    expect(csvCell('软件工程 "卓越计划"')).toBe('"软件工程 ""卓越计划"""');
    expect(csvCell('南京,鼓楼')).toBe('"南京,鼓楼"');
    expect(csvCell('第一行\r\n第二行')).toBe('"第一行\r\n第二行"');
    expect(csvCell('a\nb')).toBe('"a\nb"');
    expect(csvCell(' 前后空格 ')).toBe('" 前后空格 "');
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(12)).toBe('12');
  });

  it('a whole file reads back cell for cell: Chinese text, commas, quotes, newlines, formulas', () => {
    const rows = [
      ['李思远', '江苏省南京市鼓楼区汉中路 1 号, 集体户', '他说 "你好"'],
      ['𠀀生僻字', '第一行\n第二行', "=cmd|' /C calc'!A0"],
      ['', '-', '@'],
    ];
    const csv = toCsv(['姓名', '地址', '备注'], rows);
    expect(csv.startsWith('\uFEFF姓名,地址,备注\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(readBack(csv)).toEqual([
      ['姓名', '地址', '备注'],
      ['李思远', '江苏省南京市鼓楼区汉中路 1 号, 集体户', '他说 "你好"'],
      ['𠀀生僻字', '第一行\n第二行', "'=cmd|' /C calc'!A0"],
      ['', "'-", "'@"],
    ]);
  });

  it('digit columns keep an 18-character ID number as text in Excel (after a tab), other columns untouched', () => {
    const csv = toCsv(['用户名（身份证号）', '姓名', '初始密码'], [['11010120000101123X', '张三', '123456789012']], [0]);
    expect(readBack(csv)[1]).toEqual(['\t11010120000101123X', '张三', '123456789012']);
    // a formula never hides behind the tab: neutralising comes first, and only pure digits get one
    expect(csvCell('=1+1', { keepDigits: true })).toBe("'=1+1");
    expect(csvCell('1101012000=1', { keepDigits: true })).toBe('1101012000=1');
  });
});

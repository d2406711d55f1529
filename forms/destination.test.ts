/**
 * 毕业去向登记 (docs/architecture.md, 毕业去向登记): the national destination table, and the
 * destination form asking, per code, for that code's own fields and evidence.
 */
import { describe, expect, it } from 'vitest';
import { BUILTIN_CODE_TABLES } from './codes';
import type { FormDefinition, Values } from './engine/types';
import { validate } from './engine/validate';
import destinationJson from './destination.json';
import { BY_CODE, CREDIT } from './engine/test/destination-samples';

const form = destinationJson as unknown as FormDefinition;
const asStudent = (values: Values) => validate(form, values, { role: 'student', step: 'student' });

describe('the national 毕业去向 table', () => {
  it('holds the codes of 全国高校毕业生毕业去向登记, each with its label', () => {
    const items = Object.fromEntries(BUILTIN_CODE_TABLES.destination.items.map((i) => [i.code, i.label]));
    expect(items).toEqual({
      10: '签就业协议形式就业',
      11: '签劳动合同形式就业',
      12: '其他录用形式就业',
      27: '科研助理、管理助理',
      46: '应征义务兵',
      50: '国家基层项目',
      51: '地方基层项目',
      75: '自主创业',
      76: '自由职业',
      80: '升学',
      85: '出国、出境',
      70: '待就业',
      71: '不就业拟升学',
      72: '其他暂不就业',
    });
  });
});

describe('destination.json', () => {
  it.each(Object.entries(BY_CODE))('code %s: a complete registration is accepted', (code, { values }) => {
    const result = asStudent({ destination: code, ...values });
    expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
    expect(result.ok && result.values).toMatchObject({ destination: code, ...values });
  });

  it.each(Object.entries(BY_CODE).filter(([, c]) => c.evidence))(
    'code %s: without its evidence it is refused at that field',
    (code, { values, evidence }) => {
      const result = asStudent({ destination: code, ...values, [evidence!]: [] });
      expect(result.ok).toBe(false);
      expect(!result.ok && result.errors.map((e) => e.path)).toEqual([evidence]);
    },
  );

  it("keeps only the chosen code's section: another code's fields are dropped", () => {
    const result = asStudent({ destination: '70', ...BY_CODE['70']!.values, ...BY_CODE['80']!.values });
    expect(result.ok && result.values).toEqual({ destination: '70', notEmployedReason: BY_CODE['70']!.values.notEmployedReason });
  });

  it('refuses a code not in the table, and 10 (it comes from an approved agreement)', () => {
    const unknown = asStudent({ destination: '99' });
    expect(!unknown.ok && unknown.errors[0]).toMatchObject({ path: 'destination' });
    const ten = asStudent({ destination: '10', employerName: '南京云帆信息科技有限公司', creditCode: CREDIT });
    expect(!ten.ok && ten.errors).toEqual([
      expect.objectContaining({ path: 'destination', message: expect.stringContaining('就业协议书') }),
    ]);
  });

  it('asks for the 统一社会信用代码 of a labour contract employer, with its check character', () => {
    const bad = asStudent({ destination: '11', ...BY_CODE['11']!.values, creditCode: '91320106MA1XY012AA' });
    expect(!bad.ok && bad.errors.map((e) => e.path)).toEqual(['creditCode']);
  });
});

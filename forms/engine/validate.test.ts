import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_LENGTH } from './field-value';
import { agreementDefinition, TODAY, VALID_ID, validInvitation, validStudentPart } from './test/fixtures';
import type { FieldError, ValidationContext } from './types';
import { ruleNodeVisits } from './rules';
import { validate } from './validate';

const def = agreementDefinition();
const employer: ValidationContext = { role: 'employer', step: 'invite', today: TODAY };
const student = (previous = validInvitationResult()): ValidationContext => ({ role: 'student', step: 'student', previous, today: TODAY });

function validInvitationResult() {
  const result = validate(def, validInvitation(), employer);
  expect(result.errors).toEqual([]);
  return result.values;
}

const errorAt = (errors: FieldError[], path: string) => errors.find((e) => e.path === path);

describe('validate: merging by access', () => {
  it('an employer’s complete invitation passes and is normalised', () => {
    const result = validate(def, validInvitation(), employer);
    expect(result.ok).toBe(true);
    expect(result.values.salary).toBe(12000.5);
    expect(result.values.annualPay).toBe(144006);
    expect(result.values.contacts).toEqual([
      {
        contactName: '王经理',
        contactPhone: '13812341234',
        isPrimary: '1',
        contactEmail: 'hr@example.com',
        contactLabel: '王经理 13812341234',
      },
    ]);
  });

  it('an employer cannot set student fields: the values are ignored', () => {
    const result = validate(def, { ...validInvitation(), name: '李四', idNumber: VALID_ID }, employer);
    expect(result.ok).toBe(true);
    expect(result.values).not.toHaveProperty('name');
    expect(result.values).not.toHaveProperty('idNumber');
  });

  it('a student cannot change the employer’s salary: the stored value is kept', () => {
    const previous = validInvitationResult();
    const result = validate(def, { ...validStudentPart(), salary: 99999, unitName: '假公司' }, student(previous));
    expect(result.ok).toBe(true);
    expect(result.values.salary).toBe(12000.5);
    expect(result.values.unitName).toBe('测试科技有限公司');
    expect(result.values.name).toBe('张三');
  });

  it('a field hidden from the student keeps its stored value and cannot be overwritten', () => {
    const previous = { ...validInvitationResult(), schoolNote: '内部备注' };
    const result = validate(def, { ...validStudentPart(), schoolNote: '学生改的' }, student(previous));
    expect(result.values.schoolNote).toBe('内部备注');
  });

  it('only the school can write the school note in review; the college cannot', () => {
    const previous = { ...validInvitationResult(), ...validStudentPart() };
    const bySchool = validate(
      def,
      { schoolNote: '已核实', reviewComment: '同意' },
      { role: 'school', step: 'review', previous, today: TODAY },
    );
    expect(bySchool.values).toMatchObject({ schoolNote: '已核实', reviewComment: '同意' });
    const byCollege = validate(
      def,
      { schoolNote: '学院写的', reviewComment: '同意' },
      { role: 'college', step: 'review', previous, today: TODAY },
    );
    expect(byCollege.values).not.toHaveProperty('schoolNote');
    expect(byCollege.values.reviewComment).toBe('同意');
  });

  it('unknown keys are dropped, including __proto__ and constructor', () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1, "hacker": "x", "unitName": "公司"}');
    const result = validate(def, { ...validInvitation(), ...input }, employer);
    expect(Object.keys(result.values)).not.toContain('hacker');
    expect(Object.keys(result.values)).not.toContain('constructor');
    expect(Object.getPrototypeOf(result.values)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('a field omitted by the editor keeps its stored value; an emptied one is cleared', () => {
    const previous = validInvitationResult();
    const kept = validate(def, { bonus: 5000 }, { ...employer, previous });
    expect(kept.values.unitName).toBe('测试科技有限公司');
    expect(kept.values.annualPay).toBe(149006);
    const cleared = validate(def, { bonus: '  ' }, { ...employer, previous });
    expect(cleared.values).not.toHaveProperty('bonus');
  });
});

describe('validate: visibility and computed values', () => {
  it('a hidden field’s value is dropped, even when the client sends it', () => {
    const result = validate(def, { ...validStudentPart(), furtherSchool: '北京大学' }, student());
    expect(result.ok).toBe(true);
    expect(result.values).not.toHaveProperty('furtherSchool');
  });

  it('a stored value of a field that became hidden is dropped too', () => {
    const previous = { ...validInvitationResult(), ...validStudentPart(), destination: '80', furtherSchool: '北京大学' };
    const result = validate(def, { destination: '10' }, student(previous));
    expect(result.values).not.toHaveProperty('furtherSchool');
  });

  it('a section hidden by its visibleWhen is neither kept nor required', () => {
    const result = validate(def, { ...validStudentPart(), abroadCountry: '日本' }, student());
    expect(result.ok).toBe(true);
    expect(result.values).not.toHaveProperty('abroadCountry');
    const abroad = validate(def, { ...validStudentPart(), destination: '85' }, student());
    expect(abroad.errors).toEqual([{ path: 'abroadCountry', code: 'required', message: '请填写前往国家（地区）' }]);
  });

  it('a computed field is recomputed even if the client sends a fake value', () => {
    const row = (validInvitation().contacts as Array<Record<string, unknown>>)[0];
    const result = validate(def, { ...validInvitation(), annualPay: 1, contacts: [{ ...row, contactLabel: 'fake' }] }, employer);
    expect(result.values.annualPay).toBe(144006);
    expect((result.values.contacts as Array<Record<string, unknown>>)[0]?.contactLabel).toBe('王经理 13812341234');
  });

  it('a computed value whose inputs are missing is left out', () => {
    const { salary: _salary, ...rest } = validInvitation();
    const result = validate(def, rest, employer);
    expect(result.values).not.toHaveProperty('annualPay');
  });
});

describe('validate: required and requiredWhen', () => {
  it('an empty submission lists every required field the actor can edit, and only those', () => {
    const result = validate(def, {}, employer);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e) => e.path)).toEqual(['unitName', 'creditCode', 'startDate', 'contacts']);
  });

  it('a reviewer approving is not blamed for the student’s empty fields', () => {
    const result = validate(def, { reviewComment: '同意' }, { role: 'college', step: 'review', previous: {}, today: TODAY });
    expect(result.ok).toBe(true);
  });

  it('requiredWhen: choosing 升学 makes the school required', () => {
    const result = validate(def, { ...validStudentPart(), destination: '80' }, student());
    expect(result.errors).toEqual([{ path: 'furtherSchool', code: 'required', message: '请填写升学院校' }]);
    expect(validate(def, { ...validStudentPart(), destination: '80', furtherSchool: '北京大学' }, student()).ok).toBe(true);
  });

  it('requiredWhen: a probation needs its length, with bounds', () => {
    const { probationMonths: _p, ...rest } = validInvitation();
    expect(errorAt(validate(def, rest, employer).errors, 'probationMonths')?.code).toBe('required');
    expect(errorAt(validate(def, { ...rest, probationMonths: 7 }, employer).errors, 'probationMonths')?.code).toBe('max');
    expect(validate(def, { ...rest, hasProbation: '0' }, employer).ok).toBe(true);
  });

  it('blank strings count as missing', () => {
    const result = validate(def, { ...validInvitation(), unitName: '   ' }, employer);
    expect(result.errors).toEqual([{ path: 'unitName', code: 'required', message: '请填写单位名称' }]);
  });
});

describe('validate: value types', () => {
  const studentErrors = (patch: Record<string, unknown>) => validate(def, { ...validStudentPart(), ...patch }, student()).errors;

  it('a student’s ID number with a wrong check digit is refused', () => {
    expect(studentErrors({ idNumber: '110105194912310021' })).toEqual([
      { path: 'idNumber', code: 'idNumber', message: '身份证号无效，请逐位核对' },
    ]);
  });

  it('an ID number with lower-case x is stored with upper-case X', () => {
    const result = validate(def, { ...validStudentPart(), idNumber: '11010519491231002x' }, student());
    expect(result.values.idNumber).toBe(VALID_ID);
  });

  it('a mobile number with spaces is accepted and stored compact; a landline is not a mobile', () => {
    expect(validate(def, { ...validStudentPart(), mobile: '139 0000 1111' }, student()).values.mobile).toBe('13900001111');
    expect(studentErrors({ mobile: '010-12345678' })[0]?.code).toBe('phone');
  });

  it('checks names against the chineseName preset', () => {
    expect(studentErrors({ name: '张3' })[0]).toMatchObject({ path: 'name', code: 'pattern' });
  });

  it('checks email, date validity and date bounds', () => {
    expect(studentErrors({ email: 'not-an-email' })[0]?.code).toBe('email');
    expect(studentErrors({ birthDate: '2001-02-30' })[0]?.code).toBe('date');
    expect(studentErrors({ birthDate: '03/02/2001' })[0]?.code).toBe('date');
    // a date as people type it is read as the date it means
    expect(studentErrors({ birthDate: '2001/2/3' })).toEqual([]);
    expect(studentErrors({ birthDate: '2025-03-02' })[0]).toMatchObject({ code: 'max', message: '出生日期不能晚于 2025-03-01' });
    expect(studentErrors({ birthDate: '2003-05-17' })).toEqual([]);
  });

  it('checks codes against their tables, definition tables first', () => {
    expect(studentErrors({ education: '99' })[0]?.code).toBe('code');
    expect(studentErrors({ education: 11 })).toEqual([]);
    expect(errorAt(validate(def, { ...validInvitation(), hasProbation: '2' }, employer).errors, 'hasProbation')?.code).toBe('code');
  });

  it('checks the region depth: a province is not a city', () => {
    expect(studentErrors({ origin: '110000' })[0]).toMatchObject({ path: 'origin', code: 'region' });
    expect(studentErrors({ origin: '441900' })).toEqual([]);
    expect(studentErrors({ origin: '999999' })[0]?.code).toBe('region');
  });

  it('checks numbers: numeric strings are fine, decimals and bounds are enforced', () => {
    const errs = (patch: Record<string, unknown>) => validate(def, { ...validInvitation(), ...patch }, employer).errors;
    expect(errs({ salary: 'abc' })[0]).toMatchObject({ path: 'salary', code: 'type' });
    expect(errs({ salary: '1.234' })[0]?.code).toBe('type');
    expect(errs({ salary: -1 })[0]?.code).toBe('min');
    expect(errs({ bonus: 1.5 })[0]).toMatchObject({ path: 'bonus', code: 'type', message: '年终奖应为整数' });
    expect(errs({ salary: true })[0]?.code).toBe('type');
  });

  it('counts length in characters, not UTF-16 units', () => {
    const errs = (unitName: string) => validate(def, { ...validInvitation(), unitName }, employer).errors;
    expect(errs('𠮷'.repeat(100))).toEqual([]);
    expect(errs('𠮷'.repeat(101))[0]?.code).toBe('maxLength');
    expect(errs('x'.repeat(1_000_000))[0]?.code).toBe('maxLength');
  });

  it('checks file lists: ids, count and duplicates', () => {
    expect(studentErrors({ proof: ['a', 'b', 'c'] })[0]).toMatchObject({ path: 'proof', code: 'file' });
    expect(studentErrors({ proof: ['a', 'a'] })[0]?.code).toBe('file');
    expect(studentErrors({ proof: [''] })[0]?.code).toBe('file');
    expect(studentErrors({ proof: 'a' })[0]?.code).toBe('file');
    expect(studentErrors({ proof: [] })).toEqual([]);
  });

  it('checks credit codes, upper-casing them', () => {
    const result = validate(def, { ...validInvitation(), creditCode: '91350100m000100y43' }, employer);
    expect(result.values.creditCode).toBe('91350100M000100Y43');
    expect(errorAt(validate(def, { ...validInvitation(), creditCode: '91350100M000100Y44' }, employer).errors, 'creditCode')?.code).toBe(
      'creditCode',
    );
  });
});

describe('validate: groups', () => {
  const withContacts = (contacts: unknown) => validate(def, { ...validInvitation(), contacts }, employer);

  it('reports errors in group rows with paths like contacts.1.contactPhone', () => {
    const result = withContacts([
      { contactName: '王经理', contactPhone: '13812341234' },
      { contactName: '李主管', contactPhone: '12345' },
      { contactPhone: '13812341234', isPrimary: '1' },
    ]);
    expect(result.errors).toEqual([
      { path: 'contacts.1.contactPhone', code: 'phone', message: '联系电话应为 11 位手机号码' },
      { path: 'contacts.2.contactName', code: 'required', message: '请填写联系人' },
      { path: 'contacts.2.contactEmail', code: 'required', message: '请填写联系人邮箱' },
    ]);
  });

  it('drops unknown keys and hidden sub-fields from rows', () => {
    const result = withContacts([{ contactName: '王', contactPhone: '13812341234', isPrimary: '0', contactEmail: 'x@y.cn', extra: 1 }]);
    expect(result.ok).toBe(true);
    expect(result.values.contacts).toEqual([
      { contactName: '王', contactPhone: '13812341234', isPrimary: '0', contactLabel: '王 13812341234' },
    ]);
  });

  it('enforces row counts and row shape', () => {
    const row = { contactName: '王', contactPhone: '13812341234' };
    expect(withContacts([row, row, row, row]).errors).toEqual([{ path: 'contacts', code: 'items', message: '单位联系人最多 3 条' }]);
    expect(withContacts([]).errors).toEqual([{ path: 'contacts', code: 'items', message: '请至少添加一条单位联系人' }]);
    expect(withContacts('王').errors[0]).toMatchObject({ path: 'contacts', code: 'type' });
    expect(withContacts([row, 'x', [1]]).errors.map((e) => e.path)).toEqual(['contacts.1', 'contacts.2']);
  });
});

describe('validate: values too large to run rules on are refused first', () => {
  /** errors of a submission, and how many rule nodes judging it took */
  const judge = (values: Record<string, unknown>) => {
    const before = ruleNodeVisits();
    const result = validate(def, values, employer);
    return { result, visits: ruleNodeVisits() - before };
  };
  const row = { contactName: '王', contactPhone: '13812341234', isPrimary: '1', contactEmail: 'hr@example.com' };

  it('200,000 group rows cost what 4 do: the count is refused before any row is read', () => {
    const four = judge({ ...validInvitation(), contacts: Array.from({ length: 4 }, () => row) });
    const many = judge({ ...validInvitation(), contacts: Array.from({ length: 200_000 }, () => row) });
    expect(many.result.errors).toEqual([{ path: 'contacts', code: 'items', message: '单位联系人最多 3 条' }]);
    expect(four.result.errors).toEqual(many.result.errors);
    expect(many.visits).toBe(four.visits);
    expect(many.result.values).not.toHaveProperty('contacts');
  });

  it('a megabyte in a 100-character field is refused with the field’s own message, and no rule sees it', () => {
    const { result } = judge({ ...validInvitation(), unitName: '长'.repeat(1_000_000) });
    expect(result.errors).toEqual([{ path: 'unitName', code: 'maxLength', message: '单位名称最多 100 个字' }]);
    expect(result.values).not.toHaveProperty('unitName');
  });

  it('an oversized value inside a group row is reported at the row’s field; the rows are not computed', () => {
    const { result } = judge({ ...validInvitation(), contacts: [row, { ...row, contactName: '长'.repeat(20_000) }] });
    expect(result.errors).toEqual([
      { path: 'contacts.1.contactName', code: 'maxLength', message: `联系人最多 ${DEFAULT_MAX_LENGTH.text} 个字` },
    ]);
    expect(result.values).not.toHaveProperty('contacts');
  });

  it('an object or a list where text belongs is refused with the type error', () => {
    const big = Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`k${i}`, i]));
    expect(judge({ ...validInvitation(), unitName: big }).result.errors).toEqual([
      { path: 'unitName', code: 'type', message: '单位名称应为文字' },
    ]);
    expect(judge({ ...validInvitation(), unitName: ['a', 'b'] }).result.errors).toEqual([
      { path: 'unitName', code: 'type', message: '单位名称应为文字' },
    ]);
  });

  it('a value just within twice the cap still goes through the normal check (code points, not UTF-16 units)', () => {
    // 100 astral characters are 200 UTF-16 units: within the cap of 100 characters
    const { result } = judge({ ...validInvitation(), unitName: '𠀀'.repeat(100) });
    expect(result.errors).toEqual([]);
    expect(judge({ ...validInvitation(), unitName: '𠀀'.repeat(101) }).result.errors).toEqual([
      { path: 'unitName', code: 'maxLength', message: '单位名称最多 100 个字' },
    ]);
  });
});

describe('validate: cross-field checks', () => {
  it('an end date before the start date is reported at the end date', () => {
    const result = validate(def, { ...validInvitation(), endDate: '2025-06-30' }, employer);
    expect(result.errors).toEqual([{ path: 'endDate', code: 'check', message: '合同结束日期须晚于开始日期' }]);
  });

  it('checks run only in their listed workflow steps', () => {
    const previous = { ...validInvitationResult(), endDate: '2020-01-01' };
    expect(validate(def, validStudentPart(), student(previous)).ok).toBe(true);
  });

  it('a field already in error is not reported twice', () => {
    const result = validate(def, { ...validInvitation(), endDate: '2025-02-30' }, employer);
    expect(result.errors).toEqual([{ path: 'endDate', code: 'date', message: '合同结束日期应为有效日期（年-月-日）' }]);
  });
});

describe('validate: odd input', () => {
  it('answers a non-object submission with an error instead of throwing', () => {
    for (const input of ['x', 42, [1, 2], true]) {
      const result = validate(def, input, employer);
      expect(result.ok).toBe(false);
      expect(result.errors[0]).toMatchObject({ path: '', code: 'type' });
    }
  });

  it('treats null or undefined as an empty submission', () => {
    expect(validate(def, null, employer).errors.map((e) => e.code)).not.toContain('type');
  });

  it('survives a broken context', () => {
    expect(() => validate(def, {}, null as unknown as ValidationContext)).not.toThrow();
    expect(validate(def, {}, { role: 'nobody' as never, step: 'nowhere' }).ok).toBe(true);
  });
});

describe('validate: stored group rows', () => {
  it('a student submitting keeps the employer’s contacts, with their computed labels', () => {
    const previous = validate(def, validInvitation(), employer).values;
    const result = validate(def, validStudentPart(), { role: 'student', step: 'student', previous, today: TODAY });
    expect(result.values.contacts).toEqual(previous.contacts);
    expect((result.values.contacts as Array<Record<string, unknown>>)[0]?.contactLabel).toBe('王经理 13812341234');
  });
});

describe('draft saves', () => {
  it('a draft may leave required fields empty but not put malformed values in them', async () => {
    const { default: agreement } = await import('../agreement.json');
    const def = agreement as unknown as import('./types').FormDefinition;
    const empty = validate(def, {}, { role: 'employer', step: 'invite', draft: true });
    expect(empty.ok).toBe(true);
    const submitted = validate(def, {}, { role: 'employer', step: 'invite' });
    expect(submitted.errors.some((e) => e.code === 'required' && e.path === 'jobTitle')).toBe(true);
    const malformed = validate(def, { contactPhone: '123' }, { role: 'employer', step: 'invite', draft: true });
    expect(malformed.errors.map((e) => e.path)).toEqual(['contactPhone']);
  });
});

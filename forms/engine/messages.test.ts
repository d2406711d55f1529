import { describe, expect, it } from 'vitest';
import { agreementDefinition, TODAY, VALID_CREDIT_CODE, validInvitation, validStudentPart } from './test/fixtures';
import type { FieldDef, FormDefinition, ValidationContext } from './types';
import { validate } from './validate';

const employer: ValidationContext = { role: 'employer', step: 'invite', today: TODAY };

/** The fixture form with one field's label changed, as an admin may name it. */
function relabelled(key: string, label: string): FormDefinition {
  const def = agreementDefinition();
  const visit = (fields: FieldDef[]) =>
    fields.forEach((f) => {
      if (f.key === key) f.label = label;
      if (f.fields) visit(f.fields);
    });
  for (const s of def.steps) for (const sec of s.sections) for (const row of sec.rows) visit(row);
  return def;
}

const studentCtx = (def: FormDefinition): ValidationContext => ({
  role: 'student',
  step: 'student',
  previous: validate(def, validInvitation(), employer).values,
  today: TODAY,
});
const studentErrors = (def: FormDefinition, patch: Record<string, unknown>) =>
  validate(def, { ...validStudentPart(), ...patch }, studentCtx(def)).errors;
const employerErrors = (def: FormDefinition, patch: Record<string, unknown>) =>
  validate(def, { ...validInvitation(), ...patch }, employer).errors;
const badCreditCode = VALID_CREDIT_CODE.slice(0, 17) + (VALID_CREDIT_CODE[17] === '0' ? '1' : '0');

describe('a message names its field once', () => {
  it('a label that says what the value is, is not repeated: 「统一社会信用代码无效」, not 「统一社会信用代码不是有效的统一社会信用代码」', () => {
    const def = agreementDefinition();
    expect(employerErrors(def, { creditCode: badCreditCode })).toEqual([
      { path: 'creditCode', code: 'creditCode', message: '统一社会信用代码无效（校验位不符），请逐位核对' },
    ]);
    expect(studentErrors(def, { idNumber: '110105194912310021' })[0]?.message).toBe('身份证号无效，请逐位核对');
    expect(studentErrors(def, { mobile: '1381234' })[0]?.message).toBe('手机号码应为 11 位数字');
  });

  it('a label that does not say it gets the kind of value in the message', () => {
    expect(employerErrors(relabelled('creditCode', '单位代码'), { creditCode: badCreditCode })[0]?.message).toBe(
      '单位代码不是有效的统一社会信用代码，请逐位核对',
    );
    expect(studentErrors(relabelled('idNumber', '证件号码'), { idNumber: '110105194912310021' })[0]?.message).toBe(
      '证件号码不是有效的身份证号，请逐位核对',
    );
    const contacts = [{ contactName: '王经理', contactPhone: '12345', isPrimary: '1' }];
    expect(employerErrors(agreementDefinition(), { contacts })[0]).toMatchObject({
      path: 'contacts.0.contactPhone',
      message: '联系电话应为 11 位手机号码',
    });
  });

  it('no message of a badly filled form says its field name twice', () => {
    const def = agreementDefinition();
    const errors = [
      ...employerErrors(def, {
        creditCode: badCreditCode,
        unitName: 'x'.repeat(101),
        salary: 'abc',
        startDate: '2025-02-30',
        contacts: [{ contactName: '王', contactPhone: '1', isPrimary: '9', contactEmail: 'a@' }],
      }),
      ...studentErrors(def, { idNumber: '110105194912310021', mobile: '123', email: 'x', birthDate: '2030-01-01', education: 'zz' }),
    ];
    expect(errors.length).toBeGreaterThan(8);
    for (const e of errors) expect(e.message, e.path).not.toMatch(/(统一社会信用代码|身份证号|手机号码|电子邮箱|单位名称|出生日期).*\1/);
  });
});

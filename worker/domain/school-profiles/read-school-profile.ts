/**
 * Reads and checks what a school gives as its profile (学校信息): 就业主管部门, 联系人 and 联系电话
 * (手机 or 固定电话 with 区号) required, 通讯地址 and 邮编 (6 digits) optional — the limits of the
 * agreement's school fields, so a prefilled value always passes the agreement form.
 */
import { charLength, isLandline, isMobile, isPostcode } from '../../../forms/engine';
import type { FieldIssue } from '../../http/errors';
import type { SchoolProfile } from '../../db/school-profiles';
import type { Unchecked } from '../../middleware/contract-body';
import type { SchoolProfileBodySchema } from '../../../contract/schools';
import type * as v from 'valibot';

interface Rule {
  label: string;
  max: number;
  required: boolean;
  check?: (v: string) => string | null;
}

export const SCHOOL_PROFILE_RULES: Record<keyof SchoolProfile, Rule> = {
  authority: { label: '就业主管部门', max: 100, required: true },
  contact: { label: '联系人', max: 30, required: true },
  phone: {
    label: '联系电话',
    max: 20,
    required: true,
    check: (v) => (isMobile(v) || isLandline(v) ? null : '请输入 11 位手机号码或固定电话（区号-号码，如 025-83591234）'),
  },
  address: { label: '通讯地址', max: 100, required: false },
  postcode: { label: '邮编', max: 6, required: false, check: (v) => (isPostcode(v) ? null : '邮编为 6 位数字') },
};

const KEYS = Object.keys(SCHOOL_PROFILE_RULES) as Array<keyof SchoolProfile>;

export function readSchoolProfile(body: Unchecked<v.InferOutput<typeof SchoolProfileBodySchema>>): {
  profile: SchoolProfile;
  fields: FieldIssue[];
} {
  const fields: FieldIssue[] = [];
  const values: Record<string, string | null> = {};
  for (const key of KEYS) {
    const rule = SCHOOL_PROFILE_RULES[key];
    const raw = body[key];
    if (raw !== undefined && raw !== null && typeof raw !== 'string') {
      fields.push({ path: key, code: 'type', message: `${rule.label}必须是文字` });
      continue;
    }
    const value = (raw ?? '').trim();
    values[key] = value || null;
    if (!value) {
      if (rule.required) fields.push({ path: key, code: 'required', message: `请填写${rule.label}` });
      continue;
    }
    if (charLength(value) > rule.max) {
      fields.push({ path: key, code: 'maxLength', message: `${rule.label}最多 ${rule.max} 个字` });
      continue;
    }
    const problem = rule.check?.(value);
    if (problem) fields.push({ path: key, code: 'format', message: problem });
  }
  return { profile: values as unknown as SchoolProfile, fields };
}

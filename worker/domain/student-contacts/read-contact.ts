/**
 * Checks the contact details a student gives (基本信息管理), once the body passed its contract
 * schema (present, lengths): 手机号码 a mobile number, 电子邮箱, QQ (5–11 digits, no leading 0) and
 * 微信号 (6–20 characters, starting with a letter) when given.
 */
import * as v from 'valibot';
import { isEmail, isMobile } from '../../../forms/engine';
import type { FieldIssue } from '../../http/errors';
import type { StudentContact } from '../../db/student-contacts';
import type { ContactBodySchema } from '../../../contract/session';

const QQ = /^[1-9]\d{4,10}$/;
const WECHAT = /^[A-Za-z][A-Za-z0-9_-]{5,19}$/;

export function readContact(body: v.InferOutput<typeof ContactBodySchema>): { contact: StudentContact; fields: FieldIssue[] } {
  const { mobile } = body;
  const email = body.email?.trim() || null;
  const qq = body.qq?.trim() || null;
  const wechat = body.wechat?.trim() || null;
  const fields: FieldIssue[] = [];
  if (!isMobile(mobile)) fields.push({ path: 'mobile', code: 'phone', message: '请输入 11 位手机号码' });
  if (email !== null && !isEmail(email)) fields.push({ path: 'email', code: 'email', message: '电子邮箱格式不正确' });
  if (qq !== null && !QQ.test(qq)) fields.push({ path: 'qq', code: 'qq', message: 'QQ 号为 5–11 位数字' });
  if (wechat !== null && !WECHAT.test(wechat))
    fields.push({ path: 'wechat', code: 'wechat', message: '微信号为 6–20 位字母、数字、下划线或减号，以字母开头' });
  return { contact: { mobile, email, qq, wechat }, fields };
}

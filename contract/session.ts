/** POST/GET/DELETE /api/session, the student's first-entry identity check and the password change. */
import * as v from 'valibot';
import { optionalText, requiredText, trimmedText } from './body-fields';
import { AbilitySchema, ModuleSchema } from './abilities';
import { OkSchema, RoleSchema } from './common';
import { route } from './route';

export const UserScopeSchema = v.object({
  schoolId: v.nullish(v.string()),
  schoolName: v.nullish(v.string()),
  collegeId: v.nullish(v.string()),
  collegeName: v.nullish(v.string()),
  employerId: v.nullish(v.string()),
  employerName: v.nullish(v.string()),
  studentId: v.nullish(v.string()),
});

export const UserSchema = v.object({
  id: v.string(),
  username: v.string(),
  role: RoleSchema,
  displayName: v.string(),
  mustChangePassword: v.boolean(),
  /** students confirm ID number and mobile on first entry */
  identityConfirmed: v.optional(v.boolean()),
  scope: UserScopeSchema,
  /** what the account may do (the server refuses the rest); the web offers exactly these */
  abilities: v.array(AbilitySchema),
  /** the home page's cards and the header's navigation, in order */
  modules: v.array(ModuleSchema),
});

export const SessionAnswerSchema = v.object({ user: UserSchema });

export const LoginBodySchema = v.object({ username: trimmedText(64), password: requiredText(128) });
export const PasswordChangeBodySchema = v.object({ currentPassword: requiredText(128), newPassword: requiredText(128) });
export const ContactSchema = v.object({
  mobile: v.nullish(v.string()),
  email: v.nullish(v.string()),
  qq: v.nullish(v.string()),
  wechat: v.nullish(v.string()),
});
/** What a student sends as contact details: the formats (手机, 邮箱, QQ, 微信) are checked by the worker, answering 422. */
export const ContactBodySchema = v.object({
  mobile: trimmedText(20),
  email: optionalText(100),
  qq: optionalText(50),
  wechat: optionalText(50),
});
export const IdentityBodySchema = v.object({ idNumber: v.pipe(trimmedText(18), v.toUpperCase()), ...ContactBodySchema.entries });

const tag = '登录与会话';
export const sessionRoutes = [
  route({
    method: 'POST',
    path: '/api/session',
    tag,
    summary: '登录：用户名和密码，成功后设置会话 Cookie',
    access: '任何人',
    public: true,
    body: LoginBodySchema,
    answers: { 200: SessionAnswerSchema },
  }),
  route({
    method: 'GET',
    path: '/api/session',
    tag,
    summary: '当前登录的用户',
    access: '已登录（含未改初始密码）',
    answers: { 200: SessionAnswerSchema },
  }),
  route({ method: 'DELETE', path: '/api/session', tag, summary: '退出登录', access: '任何人', public: true, answers: { 200: OkSchema } }),
  route({
    method: 'POST',
    path: '/api/session/identity',
    tag,
    summary: '学生初次进入：确认身份证号并填写联系方式',
    access: '学生',
    body: IdentityBodySchema,
    answers: { 200: SessionAnswerSchema },
  }),
  route({
    method: 'POST',
    path: '/api/session/password',
    tag,
    summary: '修改密码',
    access: '已登录（含未改初始密码）',
    body: PasswordChangeBodySchema,
    answers: { 200: SessionAnswerSchema },
  }),
];

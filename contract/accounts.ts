/** 重置密码 and 用人单位注册. */
import * as v from 'valibot';
import { requiredText, trimmedText } from './body-fields';
import { formDataSent } from './common';
import { route } from './route';

/** A one-time password, shown once. */
export const ResetCredentialSchema = v.object({ username: v.string(), name: v.string(), password: v.string() });
export const ResetListBodySchema = v.object({
  students: v.pipe(
    v.array(v.pipe(v.string('必须是字符串'), v.maxLength(64, '不能超过 64 个字符')), '必须是字符串列表'),
    v.description('学生编号或身份证号'),
  ),
});

export const RegisterBodySchema = v.object({ username: trimmedText(64), password: requiredText(128), data: formDataSent('employer') });
export const RegisteredSchema = v.object({ id: v.string(), employerId: v.string(), username: v.string(), state: v.string() });

const CSV = { contentType: 'text/csv; charset=utf-8', description: 'CSV：用户名, 姓名, 一次性密码' };
export const accountRoutes = [
  route({
    method: 'POST',
    path: '/api/students/:id/reset-password',
    tag: '账号',
    summary: '重置学生密码',
    access: '学生所在学院或学校的审核人员',
    params: { id: '学生编号' },
    answers: { 200: ResetCredentialSchema },
  }),
  route({
    method: 'POST',
    path: '/api/employers/:id/reset-password',
    tag: '账号',
    summary: '重置用人单位密码',
    access: '就业中心',
    params: { id: '单位编号' },
    answers: { 200: ResetCredentialSchema },
  }),
  route({
    method: 'POST',
    path: '/api/accounts/:username/reset-password',
    tag: '账号',
    summary: '重置审核人员密码',
    access: '管理员',
    params: { username: '用户名' },
    answers: { 200: ResetCredentialSchema },
  }),
  route({
    method: 'POST',
    path: '/api/source-records/reset-passwords',
    tag: '账号',
    summary: '批量重置本校学生密码，返回 CSV',
    access: '学校审核',
    body: ResetListBodySchema,
    answers: { 200: CSV },
  }),
  route({
    method: 'GET',
    path: '/api/employers/form',
    tag: '用人单位注册',
    summary: '注册表单的最新版本',
    access: '任何人',
    public: true,
    answers: { 200: v.object({ key: v.string(), version: v.number(), definition: v.record(v.string(), v.unknown()) }) },
  }),
  route({
    method: 'POST',
    path: '/api/employers',
    tag: '用人单位注册',
    summary: '用人单位注册（之后由就业中心审核）',
    access: '任何人（按网络地址限流）',
    public: true,
    body: RegisterBodySchema,
    answers: { 201: RegisteredSchema },
  }),
];

/** 线下签约 预览确认, the agreement PDF, the dispatch export and the public verification page. */
import * as v from 'valibot';
import { FormRefSchema, formData, formDataSent } from './common';
import { ListQuerySchema } from './records';
import { route } from './route';

/** `mode` picks the offline create; the create's own check answers for anything else. */
export const OfflinePreviewBodySchema = v.looseObject({
  mode: v.optional(v.pipe(v.unknown(), v.description('offline'))),
  data: formDataSent('agreement'),
});
export const OfflineAgreementPreviewSchema = v.object({ number: v.string(), form: FormRefSchema, data: formData('agreement') });

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const HTML = 'text/html; charset=utf-8';
export const agreementRoutes = [
  route({
    method: 'POST',
    path: '/api/agreements/preview',
    tag: '协议书',
    summary: '线下签约预览确认：按将要保存的样子返回协议书及其编号',
    access: '学生',
    body: OfflinePreviewBodySchema,
    answers: { 200: OfflineAgreementPreviewSchema },
  }),
  route({
    method: 'GET',
    path: '/api/agreements/:id/pdf',
    tag: '协议书',
    summary: '协议书 PDF（含验证码）',
    access: '可读该协议书的角色',
    params: { id: '协议书编号' },
    answers: { 200: { contentType: 'application/pdf', description: '协议书 PDF' } },
  }),
  route({
    method: 'GET',
    path: '/api/dispatches/export',
    tag: '派遣',
    summary: '导出派遣方案（CSV 或 XLSX）；不加筛选时为已通过的记录',
    access: '就业中心；学校（仅本校）',
    query: v.object({
      format: v.optional(v.string()),
      state: ListQuerySchema.entries.state,
      cohort: ListQuerySchema.entries.cohort,
      q: ListQuerySchema.entries.q,
      school: ListQuerySchema.entries.school,
      college: ListQuerySchema.entries.college,
    }),
    answers: { 200: { contentType: ['text/csv; charset=utf-8', XLSX], description: '派遣方案' } },
  }),
  route({
    method: 'GET',
    path: '/verify/:code',
    tag: '协议书验证',
    summary: '协议书验证页（扫描 PDF 上的二维码）',
    access: '任何人',
    public: true,
    params: { code: '验证码' },
    answers: { 200: { contentType: HTML, description: '验证结果页' } },
  }),
  route({
    method: 'GET',
    path: '/verify',
    tag: '协议书验证',
    summary: '没有验证码：404 页',
    access: '任何人',
    public: true,
    answers: { 404: { contentType: HTML, description: '未找到页' } },
  }),
  route({
    method: 'GET',
    path: '/verify/*',
    tag: '协议书验证',
    summary: '其余地址：404 页',
    access: '任何人',
    public: true,
    answers: { 404: { contentType: HTML, description: '未找到页' } },
  }),
];

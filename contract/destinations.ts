/** 毕业去向登记 beyond the generic record routes: the counsellors' follow-up, the export and each cohort's settings. */
import * as v from 'valibot';
import { queryText } from './common';
import { route } from './route';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const FollowUpNoteSchema = v.object({ text: v.string(), by: v.nullable(v.string()), at: v.string() });
export const FollowUpItemSchema = v.looseObject({
  studentId: v.string(),
  name: v.string(),
  studentNo: v.nullable(v.string()),
  major: v.nullable(v.string()),
  cohort: v.nullable(v.number()),
  /** the graduate's destination record, none while 未登记 */
  recordId: v.nullable(v.string()),
  /** the national 毕业去向 code, and its label */
  destination: v.nullable(v.string()),
  destinationLabel: v.nullable(v.string()),
  /** `unregistered` (未登记), `waiting` (待就业), or the record's state */
  status: v.string(),
  statusLabel: v.string(),
  /** the latest follow-up note */
  note: v.nullable(FollowUpNoteSchema),
});
export const FollowUpPageSchema = v.object({
  majors: v.array(v.string()),
  /** over the whole scope (and the major filtered by), not only this page: graduates, 未登记 and 待就业 among them */
  counts: v.object({ total: v.number(), unregistered: v.number(), waiting: v.number() }),
  page: v.number(),
  hasMore: v.boolean(),
  items: v.array(FollowUpItemSchema),
});
export const FollowUpNoteBodySchema = v.object({ text: v.pipe(v.string(), v.description('跟进情况，不超过 200 字')) });
export const DestinationSettingsSchema = v.object({
  cohort: v.number(),
  /** until this Beijing date a registered student may change destination */
  changeDeadline: v.string(),
  /** the destination codes the centre reviews after the school (10 always) */
  centerCodes: v.array(v.string()),
  /** false while the province has not set this cohort (the defaults apply) */
  set: v.boolean(),
});
export const DestinationSettingsBodySchema = v.object({ changeDeadline: v.string(), centerCodes: v.array(v.string()) });

export const destinationRoutes = [
  route({
    method: 'GET',
    path: '/api/destinations/follow-up',
    tag: '毕业去向',
    summary: '去向跟进：本院（学校：全校）毕业生按登记状态排列，未登记与待就业在前',
    access: '学院审核；学校审核',
    query: v.object({ major: queryText('专业'), page: queryText('页码，从 1 起') }),
    answers: { 200: FollowUpPageSchema },
  }),
  route({
    method: 'POST',
    path: '/api/destinations/follow-up/:studentId/notes',
    tag: '毕业去向',
    summary: '为一名毕业生记一条跟进情况',
    access: '学院审核；学校审核（仅本范围内的学生）',
    params: { studentId: '学生编号' },
    body: FollowUpNoteBodySchema,
    answers: { 201: FollowUpNoteSchema },
  }),
  route({
    method: 'GET',
    path: '/api/destinations/export',
    tag: '毕业去向',
    summary: '按全国毕业去向登记的列顺序导出（CSV 或 XLSX）；不加筛选时为已登记的记录',
    access: '就业中心；学校（仅本校）',
    query: v.object({ format: queryText('csv（默认）或 xlsx'), state: queryText('登记状态'), cohort: queryText('毕业届，四位年份') }),
    answers: { 200: { contentType: ['text/csv; charset=utf-8', XLSX], description: '毕业去向' } },
  }),
  route({
    method: 'GET',
    path: '/api/destinations/settings/:cohort',
    tag: '毕业去向',
    summary: '一届毕业生的去向登记设置：变更截止日期、需中心审核的去向代码',
    access: '已登录用户（雇主除外）',
    params: { cohort: '毕业届' },
    answers: { 200: DestinationSettingsSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/destinations/settings/:cohort',
    tag: '毕业去向',
    summary: '设置一届毕业生的去向登记规则',
    access: '省级主管部门',
    params: { cohort: '毕业届' },
    body: DestinationSettingsBodySchema,
    answers: { 200: DestinationSettingsSchema },
  }),
];

/**
 * The generic record API, the same for every lifecycle kind (source-records, invitations,
 * agreements, amendments, terminations, dispatches, employer-registrations): list, the next
 * waiting, prepare, read, create, and take a transition.
 */
import * as v from 'valibot';
import { integer } from './body-fields';
import { ActorRoleSchema, FormRefSchema, formData, formDataSent, queryText, StateToneSchema } from './common';
import { route } from './route';

export const ListQuerySchema = v.object({
  state: queryText('状态，多个用逗号分隔'),
  cohort: queryText('毕业届，如 2027'),
  school: queryText('学校编号'),
  college: queryText('学院编号'),
  q: queryText('搜索：姓名、编号等'),
  cursor: queryText('分页游标：上一页的 nextCursor'),
  limit: queryText('每页条数，1–100，默认 20'),
});

/** What a list row and a record's page both say of a record: which one, its state, its version. */
const RecordHead = {
  id: v.string(),
  kind: v.string(),
  state: v.string(),
  stateLabel: v.string(),
  stateTone: v.optional(StateToneSchema),
  version: v.number(),
  number: v.nullish(v.string()),
};

export const ListItemSchema = v.object({
  ...RecordHead,
  title: v.string(),
  subtitle: v.nullish(v.string()),
  cohort: v.nullish(v.number()),
  updatedAt: v.string(),
});

export const ListPageSchema = v.object({ items: v.array(ListItemSchema), nextCursor: v.nullable(v.string()) });

export const RecordActionSchema = v.object({
  name: v.string(),
  label: v.string(),
  needsReason: v.boolean(),
  step: v.nullable(v.string()),
  confirm: v.nullable(v.string()),
  style: v.optional(v.picklist(['primary', 'danger', 'default'])),
  /** a draft save: missing required values are allowed */
  draft: v.optional(v.boolean()),
  /** a reject (退回/驳回): common reasons to pick, besides free text */
  reasons: v.optional(v.array(v.string())),
  /** changes the data and keeps the state (修改邀约) */
  inPlace: v.optional(v.boolean()),
});

export const TimelineEventSchema = v.object({
  id: v.string(),
  at: v.string(),
  actorName: v.nullable(v.string()),
  role: v.nullable(ActorRoleSchema),
  action: v.string(),
  /** same as `label` (kept for earlier clients) */
  actionLabel: v.string(),
  from: v.nullable(v.string()),
  fromLabel: v.nullable(v.string()),
  to: v.nullable(v.string()),
  toLabel: v.nullable(v.string()),
  /** the reason a person gave (reject, return, decline); null otherwise */
  reason: v.nullable(v.string()),
  label: v.optional(v.string()),
  actorRoleLabel: v.nullish(v.string()),
  /** what the system wrote with an event it made: a neutral note, not a reason */
  note: v.nullish(v.string()),
});

export const FieldChangeSchema = v.object({
  key: v.string(),
  label: v.string(),
  before: v.unknown(),
  after: v.unknown(),
  by: v.optional(v.array(ActorRoleSchema)),
});

/** A record the viewer may start from the one shown: the button's label and its create page's links. */
export const CreatableFromSchema = v.object({ kind: v.string(), label: v.string(), links: v.record(v.string(), v.string()) });

export const RecordViewSchema = v.object({
  ...RecordHead,
  /** an agreement's 签约方式 (online, offline); a destination's review chain (school, or center when the centre reviews its code) */
  mode: v.nullish(v.picklist(['online', 'offline', 'school', 'center'])),
  deadline: v.nullish(v.string()),
  /** a destination's 变更截止 (the cohort's, Beijing date): until that day the student may still change it */
  changeDeadline: v.optional(v.string()),
  studentId: v.nullish(v.string()),
  employerId: v.nullish(v.string()),
  data: formData(),
  form: FormRefSchema,
  step: v.nullable(v.string()),
  /** values the form of `step` opens with where the record is still empty (the school's 学校信息) */
  prefill: v.optional(v.record(v.string(), v.unknown())),
  actions: v.array(RecordActionSchema),
  /** records the viewer may start from this one now (变更, 解约 on an agreement), as the server decided */
  creatable: v.optional(v.array(CreatableFromSchema)),
  timeline: v.array(TimelineEventSchema),
  /** fields changed since the record was first written */
  changes: v.optional(v.array(FieldChangeSchema)),
  /** a reviewer's changes count from here */
  changesSince: v.nullish(v.object({ at: v.string(), own: v.boolean() })),
  /** whether and how the web shows `changes`: prominent to a reviewer, plain to a party shown corrections, not at all (null) */
  changesBox: v.optional(v.nullable(v.picklist(['review', 'corrections']))),
  /** after an action that leaves the viewer nothing to do here, the web opens the next record of their queue */
  advancesQueue: v.optional(v.boolean()),
  /** for the record's own student only: what the employer changed since the student last saw it */
  termsChanges: v.optional(v.array(FieldChangeSchema)),
  /** a transition's answer: the record it created (应约 → the agreement) */
  created: v.optional(v.object({ kind: v.string(), id: v.string() })),
  createdAt: v.optional(v.string()),
  updatedAt: v.optional(v.string()),
});

export const PreparedRecordSchema = v.object({
  kind: v.string(),
  form: FormRefSchema,
  step: v.string(),
  draft: v.boolean(),
  data: formData(),
  /** a destination's 变更截止 (the cohort's, Beijing date) */
  changeDeadline: v.optional(v.string()),
});

export const NextWaitingSchema = v.object({ next: v.nullable(v.string()) });

export const PrepareQuerySchema = v.object({
  mode: queryText('线下签约：offline'),
  studentId: queryText('学生编号（单位发邀约）'),
  agreementId: queryText('协议编号（变更、解约）'),
});

/**
 * A create: the form's values (judged by the form engine) and the links the kind needs (studentId,
 * agreementId, mode …), which the kind's lifecycle checks.
 */
export const CreateBodySchema = v.looseObject({
  data: formDataSent(),
  studentId: v.optional(v.pipe(v.unknown(), v.description('学生编号（单位发邀约）'))),
  agreementId: v.optional(v.pipe(v.unknown(), v.description('协议编号（变更、解约）'))),
  mode: v.optional(v.pipe(v.unknown(), v.description('线下签约：offline'))),
});

export const TransitionBodySchema = v.object({
  /** the record's version as read: a write on an older one answers 409 */
  version: integer(),
  /** the step's form values, judged by the form engine */
  data: formDataSent(),
  /** free text; its length (and whether one is needed) is checked by the transition, 422 */
  reason: v.nullish(v.string('必须是文字')),
  /** one of the offered reasons */
  reasonChoice: v.nullish(v.string('必须是文字')),
});

const tag = '记录（各类业务通用）';
const kindParam = {
  kind: '记录类型：source-records、invitations、agreements、amendments、terminations、dispatches、employer-registrations',
};
export const recordRoutes = [
  route({
    method: 'GET',
    path: '/api/:kind',
    tag,
    summary: '列表：按状态、毕业届、学校、学院、搜索词筛选，按游标分页',
    access: '该类记录的读者，仅见其范围内的记录',
    params: kindParam,
    query: ListQuerySchema,
    answers: { 200: ListPageSchema },
    perKind: 'list',
  }),
  route({
    method: 'GET',
    path: '/api/:kind/next',
    tag,
    summary: '队列中等待当前用户处理的下一条（与列表同样的筛选）',
    access: '该类记录的读者',
    params: kindParam,
    query: v.object({ ...ListQuerySchema.entries, after: queryText('当前记录编号') }),
    answers: { 200: NextWaitingSchema },
    perKind: 'list',
  }),
  route({
    method: 'GET',
    path: '/api/:kind/new',
    tag,
    summary: '新建前：表单版本、环节和服务器预填的值',
    access: '可新建该类记录的角色',
    params: kindParam,
    query: PrepareQuerySchema,
    answers: { 200: PreparedRecordSchema },
    perKind: 'list',
  }),
  route({
    method: 'GET',
    path: '/api/:kind/:id',
    tag,
    summary: '一条记录：数据（按角色脱敏）、可做的操作、办理记录',
    access: '可读该记录的角色',
    params: { ...kindParam, id: '记录编号' },
    answers: { 200: RecordViewSchema },
    perKind: 'list',
  }),
  route({
    method: 'POST',
    path: '/api/:kind',
    tag,
    summary: '新建一条记录',
    access: '可新建该类记录的角色',
    params: kindParam,
    body: CreateBodySchema,
    answers: { 201: RecordViewSchema },
    perKind: 'list',
  }),
  route({
    method: 'POST',
    path: '/api/:kind/:id/:action',
    tag,
    summary: '对记录执行一个操作（提交、审核通过、退回……）',
    access: '该操作所列的角色，且记录在其范围内',
    params: { ...kindParam, id: '记录编号', action: '操作名' },
    body: TransitionBodySchema,
    answers: { 200: RecordViewSchema },
    perKind: 'transition',
  }),
];

/** GET /api/lifecycles and the reject reasons of a kind (admin). */
import * as v from 'valibot';
import { RoleSchema, StateToneSchema } from './common';
import { route } from './route';

export const CreateEntrySchema = v.variant('from', [
  v.object({ from: v.literal('form'), links: v.optional(v.record(v.string(), v.string())) }),
  v.object({ from: v.literal('lookup') }),
  v.object({ from: v.literal('record') }),
]);

/** Whether the signed-in user can create one now; when not, the server's reason. */
const offer = { roles: v.array(RoleSchema), step: v.string(), entry: CreateEntrySchema };
export const CreateOfferSchema = v.union([
  v.object({ ...offer, available: v.literal(true) }),
  v.object({ ...offer, available: v.literal(false), code: v.string(), reason: v.string() }),
]);

export const LifecycleInfoSchema = v.object({
  label: v.string(),
  form: v.string(),
  states: v.record(v.string(), v.string()),
  /** what happens next, by state, for states where nothing waits in the product */
  next: v.optional(v.record(v.string(), v.string())),
  tones: v.optional(v.record(v.string(), StateToneSchema)),
  create: v.nullish(CreateOfferSchema),
  /** the caller's review queue of this kind: the states it approves (待我审核), and whether 批量通过 is offered there */
  review: v.optional(v.object({ states: v.array(v.string()), bulk: v.boolean() })),
});
export const LifecyclesSchema = v.record(v.string(), LifecycleInfoSchema);

export const ReasonListSchema = v.object({
  kind: v.string(),
  label: v.string(),
  reasons: v.array(v.string()),
  defaults: v.array(v.string()),
  custom: v.boolean(),
});
/** Each reason is checked by the worker (text, 1–50 characters, one line, no repeats), all problems in one 422. */
export const ReasonListBodySchema = v.object({
  reasons: v.nullable(v.array(v.pipe(v.unknown(), v.description('原因，1–50 字，不含换行')), '必须是列表')),
});

const tag = '业务流程';
const kind = { kind: '记录类型' };
export const lifecycleRoutes = [
  route({
    method: 'GET',
    path: '/api/lifecycles',
    tag,
    summary: '各类记录的名称、状态、下一步说明，以及当前用户能否新建',
    access: '已登录（含未改初始密码）',
    answers: { 200: LifecyclesSchema },
  }),
  route({
    method: 'GET',
    path: '/api/lifecycles/:kind/reasons',
    tag,
    summary: '退回时可选的常用原因',
    access: '管理员',
    params: kind,
    answers: { 200: ReasonListSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/lifecycles/:kind/reasons',
    tag,
    summary: '替换常用原因；reasons 为 null 时恢复默认',
    access: '管理员',
    params: kind,
    body: ReasonListBodySchema,
    answers: { 200: ReasonListSchema },
  }),
];

/** Form definitions: published versions for everyone signed in; drafts, impact, publish for the admin. */
import * as v from 'valibot';
import { integer, optionalObject, requiredObject } from './body-fields';
import { queryText } from './common';
import { route } from './route';

/** A form definition (forms/engine/types.ts, FormDefinition): plain data the admin edits. */
export const FormDefinitionSchema = v.looseObject({
  key: v.string(),
  title: v.string(),
  schemaVersion: v.number(),
  workflow: v.array(v.looseObject({ key: v.string(), label: v.string() })),
  steps: v.array(v.looseObject({ key: v.string(), label: v.string(), sections: v.array(v.looseObject({ key: v.string() })) })),
});

export const FormVersionSchema = v.object({ key: v.string(), version: v.number(), definition: FormDefinitionSchema });

export const DefinitionProblemSchema = v.object({ path: v.string(), message: v.string() });
export const VersionSummarySchema = v.object({
  version: v.number(),
  publishedAt: v.string(),
  publishedBy: v.string(),
  records: v.number(),
});
const DraftInfo = { updatedAt: v.string(), updatedBy: v.string(), baseVersion: v.nullable(v.number()) };
export const FormSummarySchema = v.object({
  key: v.string(),
  title: v.string(),
  latestVersion: v.number(),
  versions: v.array(VersionSummarySchema),
  draft: v.nullable(v.object(DraftInfo)),
});
export const DraftAnswerSchema = v.object({
  latestVersion: v.number(),
  draft: v.nullable(v.object({ definition: FormDefinitionSchema, ...DraftInfo })),
});
/** A draft started from a version that is no longer the latest. */
export const StaleBaseSchema = v.object({
  baseVersion: v.number(),
  latestVersion: v.number(),
  publishedBy: v.string(),
  publishedAt: v.string(),
  message: v.string(),
});
export const SavedDraftSchema = v.object({
  latestVersion: v.number(),
  baseVersion: v.number(),
  staleBase: v.nullable(StaleBaseSchema),
  updatedAt: v.string(),
  errors: v.array(DefinitionProblemSchema),
  lifecycleErrors: v.array(DefinitionProblemSchema),
});
export const CheckAnswerSchema = v.object({ errors: v.array(DefinitionProblemSchema), lifecycleErrors: v.array(DefinitionProblemSchema) });
export const PropChangeSchema = v.object({ prop: v.string(), from: v.unknown(), to: v.unknown() });
const Labelled = v.object({ key: v.string(), label: v.string() });
export const DefinitionDiffSchema = v.object({
  added: v.array(Labelled),
  removed: v.array(Labelled),
  renamed: v.array(v.object({ from: v.string(), to: v.string(), label: v.string() })),
  changed: v.array(v.object({ key: v.string(), label: v.string(), changes: v.array(PropChangeSchema) })),
  other: v.array(PropChangeSchema),
});
export const ImpactReportSchema = v.object({
  formKey: v.string(),
  latestVersion: v.number(),
  changes: DefinitionDiffSchema,
  checked: v.number(),
  truncated: v.boolean(),
  affectedCount: v.number(),
  affected: v.array(
    v.object({
      id: v.string(),
      kind: v.string(),
      state: v.string(),
      stateLabel: v.string(),
      formVersion: v.number(),
      errors: v.array(v.object({ path: v.string(), code: v.string(), message: v.string() })),
      dropped: v.array(v.string()),
    }),
  ),
  lifecycleErrors: v.optional(v.array(DefinitionProblemSchema)),
  baseVersion: v.optional(v.number()),
  staleBase: v.nullish(StaleBaseSchema),
});
export const PublishedSchema = v.object({ key: v.string(), version: v.number() });

/** `confirm: true` publishes although records are affected; any other value does not. */
const confirm = v.optional(v.pipe(v.unknown(), v.description('true：确认发布')));
export const SaveDraftBodySchema = v.object({
  definition: requiredObject(),
  /** the published version the draft starts from */
  baseVersion: v.optional(integer()),
  /** `updatedAt` of the draft the edits were made on; null: there was none */
  savedAt: v.nullish(v.pipe(v.string('必须是字符串'), v.maxLength(40, '不能超过 40 个字符'))),
});
export const CheckBodySchema = v.object({ definition: requiredObject() });
export const PublishBodySchema = v.object({
  /** published as it is; without it, the saved draft is */
  definition: optionalObject(),
  baseVersion: v.optional(integer()),
  confirm,
});
export const RollbackBodySchema = v.object({ version: integer(), confirm });

const tag = '表单定义';
const key = { key: '表单：source、agreement、termination、dispatch、employer' };
export const formRoutes = [
  route({
    method: 'GET',
    path: '/api/forms',
    tag,
    summary: '全部表单及其版本、草稿',
    access: '管理员',
    answers: { 200: v.object({ items: v.array(FormSummarySchema) }) },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key',
    tag,
    summary: '表单的最新发布版本',
    access: '已登录',
    params: key,
    answers: { 200: FormVersionSchema },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key/versions',
    tag,
    summary: '表单的全部发布版本及使用它的记录数',
    access: '管理员',
    params: key,
    answers: { 200: v.object({ items: v.array(VersionSummarySchema) }) },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key/versions/:n',
    tag,
    summary: '表单的某个发布版本（不会再变，可缓存）',
    access: '已登录',
    params: { ...key, n: '版本号' },
    answers: { 200: FormVersionSchema },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key/draft',
    tag,
    summary: '表单草稿',
    access: '管理员',
    params: key,
    answers: { 200: DraftAnswerSchema },
  }),
  route({
    method: 'PUT',
    path: '/api/forms/:key/draft',
    tag,
    summary: '保存草稿（他人在此期间保存过则 409 stale_draft）',
    access: '管理员',
    params: key,
    body: SaveDraftBodySchema,
    answers: { 200: SavedDraftSchema },
  }),
  route({
    method: 'POST',
    path: '/api/forms/:key/check',
    tag,
    summary: '检查定义，不保存',
    access: '管理员',
    params: key,
    body: CheckBodySchema,
    answers: { 200: CheckAnswerSchema },
  }),
  route({
    method: 'DELETE',
    path: '/api/forms/:key/draft',
    tag,
    summary: '丢弃草稿',
    access: '管理员',
    params: key,
    answers: { 204: null },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key/impact',
    tag,
    summary: '发布草稿对进行中记录的影响',
    access: '管理员',
    params: key,
    answers: { 200: ImpactReportSchema },
  }),
  route({
    method: 'GET',
    path: '/api/forms/:key/diff',
    tag,
    summary: '两个版本（或草稿 draft）之间的差异',
    access: '管理员',
    params: key,
    query: v.object({ from: queryText('版本号或 draft'), to: queryText('版本号或 draft') }),
    answers: { 200: DefinitionDiffSchema },
  }),
  route({
    method: 'POST',
    path: '/api/forms/:key/publish',
    tag,
    summary: '发布草稿（有受影响记录时 409 impact_unconfirmed，附 impact，确认后再发）',
    access: '管理员',
    params: key,
    body: PublishBodySchema,
    answers: { 201: PublishedSchema },
  }),
  route({
    method: 'POST',
    path: '/api/forms/:key/rollback',
    tag,
    summary: '以旧版本内容发布一个新版本',
    access: '管理员',
    params: key,
    body: RollbackBodySchema,
    answers: { 201: PublishedSchema },
  }),
];

/** Health, the audit chain check and this document itself. */
import * as v from 'valibot';
import { route } from './route';

export const ChainProblemSchema = v.object({
  recordId: v.string(),
  kind: v.string(),
  eventId: v.nullable(v.string()),
  at: v.nullable(v.string()),
  code: v.string(),
  message: v.string(),
});
export const ChainReportSchema = v.object({
  ok: v.boolean(),
  records: v.number(),
  events: v.number(),
  hashedEvents: v.number(),
  preChainRecords: v.number(),
  firstBroken: v.nullable(ChainProblemSchema),
  problems: v.array(ChainProblemSchema),
  checkedAt: v.string(),
});

/** The OpenAPI document, described loosely: its own meta-schema says the rest. */
export const OpenApiDocumentSchema = v.looseObject({
  openapi: v.string(),
  info: v.looseObject({ title: v.string(), version: v.string() }),
  paths: v.record(v.string(), v.unknown()),
});

export const systemRoutes = [
  route({
    method: 'GET',
    path: '/api/health',
    tag: '系统',
    summary: '服务是否在线',
    access: '任何人',
    public: true,
    answers: { 200: v.object({ ok: v.literal(true) }) },
  }),
  route({
    method: 'GET',
    path: '/api/audit/verify',
    tag: '系统',
    summary: '校验防篡改的审计链，指出第一处断裂',
    access: '管理员',
    answers: { 200: ChainReportSchema },
  }),
  route({
    method: 'GET',
    path: '/api/openapi.json',
    tag: '系统',
    summary: '本接口文档（OpenAPI 3.1），由接口的校验规则生成',
    access: '任何人（不含个人信息）',
    public: true,
    answers: { 200: OpenApiDocumentSchema },
  }),
];

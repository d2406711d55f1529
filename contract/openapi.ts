/**
 * The OpenAPI 3.1 document of the HTTP API, built from the route list (index.ts) and the JSON
 * Schema of each form's currently published version. The worker serves it at GET
 * /api/openapi.json; the worker tests check every answer they get against it.
 */
import { toJsonSchema } from '@valibot/to-json-schema';
import { formJsonSchema, type JsonSchema } from '../forms/engine/json-schema';
import type { FormDefinition } from '../forms/engine/types';
import { FORM_DATA } from './common';
import { ErrorAnswerSchema } from './errors';
import { ROUTES } from './index';
import { isFileAnswer, type AnySchema, type RouteContract } from './route';

/** A lifecycle kind as the document needs it: its form and its actions. */
export interface KindInfo {
  kind: string;
  label: string;
  form: string;
  actions: Array<{ action: string; label: string }>;
}

export interface DocumentInput {
  kinds: KindInfo[];
  /** the published version of each form, by key */
  forms: Record<string, { version: number; definition: FormDefinition }>;
  routes?: readonly RouteContract[];
}

type Where = 'body' | 'answer';

const dataName = (formKey: string, where: Where) =>
  formKey.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase()) + (where === 'answer' ? 'DataRead' : 'Data');

/** Hono's `/api/forms/:key` as OpenAPI's `/api/forms/{key}`; a trailing `*` is one more segment. */
export function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z]\w*)/g, '{$1}').replace(/\/\*$/, '/{rest}');
}

function jsonSchemaOf(schema: AnySchema, where: Where, formKey: string | undefined): JsonSchema {
  const out = toJsonSchema(schema, { target: 'draft-2020-12', errorMode: 'ignore' }) as JsonSchema;
  delete out.$schema;
  return replaceFormData(out, where, formKey) as JsonSchema;
}

/** Puts a `$ref` to the form's data schema where a route's schema says `formData()`. */
function replaceFormData(node: unknown, where: Where, formKey: string | undefined): unknown {
  if (Array.isArray(node)) return node.map((n) => replaceFormData(n, where, formKey));
  if (!node || typeof node !== 'object') return node;
  const o = node as Record<string, unknown>;
  if (typeof o.description === 'string' && o.description.startsWith(FORM_DATA)) {
    const key = o.description.slice(FORM_DATA.length + 1) || formKey;
    if (key) return { $ref: `#/components/schemas/${dataName(key, where)}` };
    return { type: 'object', description: '表单数据，按字段键' };
  }
  return Object.fromEntries(Object.entries(o).map(([k, val]) => [k, replaceFormData(val, where, formKey)]));
}

function parameters(route: RouteContract, path: string, kind: KindInfo | undefined): unknown[] {
  const out: unknown[] = [];
  for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
    if (name === undefined) continue;
    const description = name === 'rest' ? '其余路径' : (route.params?.[name] ?? name);
    out.push({ name, in: 'path', required: true, description, schema: { type: 'string' } });
  }
  if (route.query) {
    const query = jsonSchemaOf(route.query, 'body', kind?.form) as { properties?: Record<string, JsonSchema> };
    for (const [name, schema] of Object.entries(query.properties ?? {})) {
      const { description, ...rest } = schema;
      out.push({ name, in: 'query', required: false, ...(description ? { description } : {}), schema: rest });
    }
  }
  return out;
}

function requestBody(route: RouteContract, formKey: string | undefined) {
  if (!route.body) return undefined;
  if (route.body === 'multipart') {
    return {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } },
            required: ['file'],
          },
        },
      },
    };
  }
  return { required: true, content: { 'application/json': { schema: jsonSchemaOf(route.body, 'body', formKey) } } };
}

const STATUS_TEXT: Record<number, string> = { 200: '成功', 201: '已创建', 204: '成功，无内容', 404: '未找到' };

function responses(route: RouteContract, formKey: string | undefined) {
  const out: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(route.answers)) {
    const description = STATUS_TEXT[Number(status)] ?? '成功';
    if (answer === null) out[status] = { description };
    else if (isFileAnswer(answer)) {
      const types = Array.isArray(answer.contentType) ? answer.contentType : [answer.contentType];
      out[status] = { description: answer.description, content: Object.fromEntries(types.map((t) => [t, { schema: {} }])) };
    } else out[status] = { description, content: { 'application/json': { schema: jsonSchemaOf(answer, 'answer', formKey) } } };
  }
  if (route.fileOn200 && out['200']) {
    const ok = out['200'] as { description: string; content: Record<string, unknown> };
    const types = Array.isArray(route.fileOn200.contentType) ? route.fileOn200.contentType : [route.fileOn200.contentType];
    out['200'] = {
      description: `${ok.description}；${route.fileOn200.description}`,
      content: { ...ok.content, ...Object.fromEntries(types.map((t) => [t, { schema: {} }])) },
    };
  }
  out.default = {
    description: '错误：{ error: { code, message, fields? } }，message 为中文',
    content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
  };
  return out;
}

function operationId(method: string, path: string): string {
  const words = path
    .replace(/[{}]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join('');
}

function operation(route: RouteContract, path: string, kind?: KindInfo, action?: KindInfo['actions'][number]) {
  const summary = kind ? `${kind.label}：${action ? action.label : route.summary}` : route.summary;
  return {
    operationId: operationId(route.method, path),
    tags: [kind ? `记录：${kind.label}（${kind.kind}）` : route.tag],
    summary,
    description: `${action ? route.summary + '。' : ''}可调用：${route.access}`,
    'x-route': `${route.method} ${route.path}`,
    ...(route.public ? { security: [] } : {}),
    parameters: parameters(route, path, kind),
    ...(route.body ? { requestBody: requestBody(route, kind?.form) } : {}),
    responses: responses(route, kind?.form),
  };
}

export function buildOpenApiDocument(input: DocumentInput) {
  const paths: Record<string, Record<string, unknown>> = {};
  const add = (path: string, method: string, op: unknown) => {
    (paths[path] ??= {})[method.toLowerCase()] = op;
  };
  for (const route of input.routes ?? ROUTES) {
    if (!route.perKind) {
      add(openApiPath(route.path), route.method, operation(route, openApiPath(route.path)));
      continue;
    }
    for (const kind of input.kinds) {
      const base = openApiPath(route.path.replace(':kind', kind.kind));
      if (route.perKind === 'list') add(base, route.method, operation(route, base, kind));
      else
        for (const action of kind.actions) {
          const path = base.replace('{action}', action.action);
          add(path, route.method, operation(route, path, kind, action));
        }
    }
  }
  const schemas: Record<string, unknown> = { Error: jsonSchemaOf(ErrorAnswerSchema, 'answer', undefined) };
  for (const [key, form] of Object.entries(input.forms)) {
    schemas[dataName(key, 'body')] = { ...formJsonSchema(form.definition, { mode: 'write' }), 'x-form-version': form.version };
    schemas[dataName(key, 'answer')] = { ...formJsonSchema(form.definition, { mode: 'read' }), 'x-form-version': form.version };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: '网签 wangqian HTTP API',
      version: '1',
      description:
        '高校毕业生就业协议网上签约的接口。所有应答为 JSON（文件下载除外）；错误一律为 { error: { code, message, fields? } }，message 为中文。应答可能增加新字段，调用方应忽略不认识的字段。记录的 data 按各类记录当前发布的表单版本描述。',
    },
    jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base',
    servers: [{ url: '/' }],
    security: [{ session: [] }],
    tags: [...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => (op as { tags: string[] }).tags)))].map(
      (name) => ({ name }),
    ),
    paths,
    components: {
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'wq_session', description: 'POST /api/session 登录后设置的会话 Cookie' },
      },
      schemas,
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildOpenApiDocument>;

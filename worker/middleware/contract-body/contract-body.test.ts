/**
 * The one body check: a route mounted with its contract schema gets a parsed, typed body, or the
 * caller gets the project's 400/415 with the field named — and the body is read only when the
 * handler asks, after it has decided who may call.
 */
import { Hono } from 'hono';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { integer, optionalObject, optionalText, requiredObject, requiredText, trimmedText } from '../../../contract/body-fields';
import type { AppEnv } from '../../app-env';
import { MAX_JSON_BYTES } from '../../http/body';
import { forbidden } from '../../http/errors';
import { onError } from '../../http/on-error';
import { contractBody, contractBodyCheckedByDomain } from '.';

const Schema = v.object({
  name: trimmedText(10),
  password: requiredText(20),
  note: optionalText(5),
  version: v.optional(integer()),
  definition: optionalObject(),
  tags: v.optional(v.array(v.string('必须是字符串'), '必须是列表')),
});

let reads = 0;
const app = new Hono<AppEnv>()
  .post('/typed', contractBody(Schema), async (c) => {
    const body = await c.req.valid('json');
    reads += 1;
    // typed from the schema: a trimmed string, an optional number
    const name: string = body.name;
    const version: number | undefined = body.version;
    return c.json({ name, version, again: (await c.req.valid('json')) === body });
  })
  .post('/guarded', contractBody(Schema), async (c) => {
    if (c.req.header('x-role') !== 'admin') throw forbidden();
    return c.json(await c.req.valid('json'));
  })
  .post('/required-object', contractBody(v.object({ definition: requiredObject() })), async (c) => c.json(await c.req.valid('json')))
  .post('/domain', contractBodyCheckedByDomain(v.object({ text: v.string() })), async (c) =>
    c.json({ text: (await c.req.valid('json')).text ?? null }),
  )
  .onError(onError);

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  app.request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

async function refusal(res: Response) {
  return { status: res.status, ...(await res.json<{ error: { code: string; message: string; fields?: unknown[] } }>()).error };
}

describe('a route gets its body checked against its contract schema, once', () => {
  it('a good body reaches the handler parsed and typed: trimmed where the schema trims, read once however often asked', async () => {
    const before = reads;
    const res = await post('/typed', { name: '  李思远 ', password: ' x ', version: 3 });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ name: '李思远', version: 3, again: true });
    expect(reads).toBe(before + 1);
  });

  it('a required key absent, null or blank is missing_field with the field named', async () => {
    for (const name of [undefined, null, '   ']) {
      expect(await refusal(await post('/typed', { name, password: 'x' }))).toEqual({
        status: 400,
        code: 'missing_field',
        message: '缺少字段 name',
        fields: [{ path: 'name', code: 'required', message: '必填' }],
      });
    }
    expect(await refusal(await post('/required-object', {}))).toMatchObject({
      code: 'missing_field',
      fields: [{ path: 'definition', code: 'required', message: '必填' }],
    });
  });

  it('a wrong type or an over-long value is bad_field, in Chinese', async () => {
    expect(await refusal(await post('/typed', { name: 7, password: 'x' }))).toEqual({
      status: 400,
      code: 'bad_field',
      message: '字段 name 必须是字符串',
      fields: [{ path: 'name', code: 'type', message: '必须是字符串' }],
    });
    expect(await refusal(await post('/typed', { name: '长'.repeat(11), password: 'x' }))).toEqual({
      status: 400,
      code: 'bad_field',
      message: '字段 name 过长',
      fields: [{ path: 'name', code: 'maxLength', message: '不能超过 10 个字符' }],
    });
    expect(await refusal(await post('/typed', { name: 'a', password: 'x', version: 1.5 }))).toMatchObject({
      code: 'bad_field',
      fields: [{ path: 'version', code: 'type', message: '必须是整数' }],
    });
    expect(await refusal(await post('/typed', { name: 'a', password: 'x', definition: [] }))).toMatchObject({
      code: 'bad_field',
      fields: [{ path: 'definition', code: 'type', message: '必须是对象' }],
    });
    expect(await refusal(await post('/typed', { name: 'a', password: 'x', tags: ['a', 2] }))).toMatchObject({
      code: 'bad_field',
      fields: [{ path: 'tags.1', code: 'type', message: '必须是字符串' }],
    });
    expect(await refusal(await post('/required-object', { definition: 'x' }))).toMatchObject({
      code: 'bad_field',
      fields: [{ path: 'definition', message: '必须是对象' }],
    });
  });

  it('what is not a JSON object is refused before any field is looked at', async () => {
    expect(await refusal(await post('/typed', { name: 'a' }, { 'Content-Type': 'text/plain' }))).toMatchObject({
      status: 400,
      code: 'unsupported_media_type',
    });
    expect(await refusal(await post('/typed', '{"name":'))).toMatchObject({ status: 400, code: 'bad_json' });
    expect(await refusal(await post('/typed', '[1,2]'))).toMatchObject({ status: 400, code: 'bad_body' });
  });

  it('a body over 1 MiB (in bytes, not characters) is too_large, without reading it all', async () => {
    const cjk = '长'.repeat(Math.ceil(MAX_JSON_BYTES / 3) + 1); // 3 bytes each in UTF-8: fewer characters than the cap
    expect(cjk.length).toBeLessThan(MAX_JSON_BYTES);
    expect(await refusal(await post('/typed', { name: cjk, password: 'x' }))).toEqual({
      status: 400,
      code: 'too_large',
      message: '请求内容过大',
    });
  });

  it('the body is read when the handler asks: a caller refused first gets that refusal, not a body error', async () => {
    expect(await refusal(await post('/guarded', '{"name":'))).toMatchObject({ status: 403, code: 'forbidden' });
    expect((await post('/guarded', { name: 'a', password: 'x' }, { 'x-role': 'admin' })).status).toBe(200);
  });

  it('a body whose fields its domain judges arrives as sent, still only as a JSON object', async () => {
    expect(await (await post('/domain', { text: 42 })).json()).toEqual({ text: 42 });
    expect(await refusal(await post('/domain', '"text"'))).toMatchObject({ code: 'bad_body' });
  });
});

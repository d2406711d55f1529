/**
 * The one check of a JSON request body (docs/architecture.md, the path of one request): mounted on a
 * route with that route's body schema from contract/, it reads the body within the limits of
 * http/body.ts (JSON only, 1 MiB) and checks it against the schema, answering the project's 400
 * (`missing_field`, `bad_field`, see issues.ts). The handler gets the parsed, typed body from
 * `await c.req.valid('json')`.
 *
 * The body is read when the handler asks, not before: who may call a route, and whether the record
 * it names is theirs, is answered first (a stranger learns nothing from a 400), so the handler
 * authorizes and then reads. It is read and checked once, however often it is asked for.
 */
import type { MiddlewareHandler } from 'hono';
import * as v from 'valibot';
import type { AppEnv } from '../../app-env';
import { readJsonObject } from '../../http/body';
import { bodyRefusal } from './issues';

/**
 * A body whose fields the route's domain check judges itself, answering all of them in one 422
 * (学校信息, 提醒设置 …): only its shape of an object is checked here, each field arrives as sent.
 */
export type Unchecked<T> = Partial<Record<keyof T, unknown>>;

/** What a route mounted with a body check declares to Hono: `c.req.valid('json')` is its body, read when awaited. */
export interface BodyInput<In, Out> {
  in: { json: In };
  out: { json: PromiseLike<Out> };
}
type BodyCheck<In, Out> = MiddlewareHandler<AppEnv, string, BodyInput<In, Out>>;

/** Which schema each mounted body check holds: the test that every contract body is checked reads it. */
const mounted = new WeakMap<object, v.GenericSchema>();
export const mountedBodySchema = (handler: object): v.GenericSchema | undefined => mounted.get(handler);

function middleware<In, Out>(schema: v.GenericSchema, read: (raw: Record<string, unknown>) => Out): BodyCheck<In, Out> {
  const handler: BodyCheck<In, Out> = async (c, next) => {
    let body: Promise<Out> | undefined;
    // read on the first await, once: the handler has authorized by then
    const lazy: PromiseLike<Out> = { then: (ok, fail) => (body ??= readJsonObject(c).then(read)).then(ok, fail) };
    c.req.addValidatedData('json', lazy);
    await next();
  };
  mounted.set(handler, schema);
  return handler;
}

/** The route's JSON body, checked against its contract schema: `await c.req.valid('json')` is the schema's output. */
export function contractBody<S extends v.GenericSchema>(schema: S): BodyCheck<v.InferInput<S>, v.InferOutput<S>> {
  return middleware(schema, (raw) => {
    const result = v.safeParse(schema, raw, { abortEarly: true });
    if (!result.success) throw bodyRefusal(schema, result.issues);
    return result.output;
  });
}

/**
 * The route's JSON body as an object whose fields its domain check judges (see `Unchecked`); the
 * schema is the contract's, for the document and for the test that every body is mounted here.
 */
export function contractBodyCheckedByDomain<S extends v.GenericSchema>(schema: S): BodyCheck<v.InferInput<S>, Unchecked<v.InferOutput<S>>> {
  return middleware(schema, (raw) => raw as Unchecked<v.InferOutput<S>>);
}

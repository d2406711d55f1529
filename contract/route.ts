/**
 * How a route is described: method and path exactly as the worker registers it (Hono's `:param`
 * form), who may call it, its parameters and body, and the answer of each success status. Every
 * other status answers the one error shape of errors.ts. `openapi.ts` turns the list into the
 * OpenAPI document served at GET /api/openapi.json.
 */
import type * as v from 'valibot';

export type AnySchema = v.GenericSchema;

/** What a route may answer for a schema: the worker's handlers state their answers with it, so a schema and its route cannot drift apart. */
export type AnswerOf<T extends AnySchema> = v.InferInput<T>;

/** An answer that is not JSON: a file, a CSV, a page. */
export interface FileAnswer {
  contentType: string | string[];
  description: string;
}

export type AnswerSpec = AnySchema | FileAnswer | null;

export interface RouteContract {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** as registered: `/api/forms/:key` */
  path: string;
  /** the group the reference page lists it under (Chinese) */
  tag: string;
  /** one line: what it does (Chinese) */
  summary: string;
  /** who may call it (Chinese) */
  access: string;
  /** no session needed */
  public?: boolean;
  params?: Record<string, string>;
  /** an object schema of strings */
  query?: AnySchema;
  /** JSON body, or a multipart upload (field `file`) */
  body?: AnySchema | 'multipart';
  /** success answers by status; `null` is an empty answer (204) */
  answers: Record<number, AnswerSpec>;
  /** the 200 answer may instead be this file, when a query parameter (`format`) asks for it */
  fileOn200?: FileAnswer;
  /**
   * The generic record routes (`/api/:kind…`): the document lists them once per lifecycle kind,
   * with that kind's form data and, for transitions, once per action.
   */
  perKind?: 'list' | 'transition';
}

export const isFileAnswer = (a: AnswerSpec): a is FileAnswer => !!a && typeof a === 'object' && 'contentType' in a && !('kind' in a);

export const route = (r: RouteContract): RouteContract => r;

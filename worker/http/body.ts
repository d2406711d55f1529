import type { Context } from 'hono';
import { badRequest } from './errors';

/** The largest JSON body any route reads, in bytes of UTF-8 (not characters: 1 MiB of CJK text is ~350,000). */
export const MAX_JSON_BYTES = 1024 * 1024;

const tooLarge = () => badRequest('too_large', '请求内容过大');

/**
 * The body's bytes, refusing more than MAX_JSON_BYTES: from a declared Content-Length before
 * reading anything, otherwise as soon as the stream passes the limit (nothing more is read).
 */
async function readLimited(c: Context): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length') ?? '');
  if (Number.isFinite(declared) && declared > MAX_JSON_BYTES) throw tooLarge();
  const stream = c.req.raw.body;
  if (!stream) return new Uint8Array(0);
  // a request body is a stream of bytes
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_JSON_BYTES) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * Reads a JSON object body; only the contract body check (middleware/contract-body) calls it, so
 * every route's body is then checked against its schema. Anything else — wrong content type (which also shuts the door on
 * cross-site `text/plain` posts), malformed JSON, a non-object, a body over MAX_JSON_BYTES — is a
 * 400/415 with a clear message, before any work is done.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) {
    throw badRequest('unsupported_media_type', '请求必须是 JSON（Content-Type: application/json）');
  }
  const text = new TextDecoder().decode(await readLimited(c));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('bad_json', '请求内容不是有效的 JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('bad_body', '请求内容必须是 JSON 对象');
  }
  return body as Record<string, unknown>;
}

/**
 * A tiny HTTP client for worker tests: requests go through the real worker entry (`exports.default`)
 * and keep the session cookie like a browser would.
 */
import { workerFetch } from './worker-fetch';
import type { AnswerBody } from './answer-body';

const ORIGIN = 'https://wangqian.test';

export interface Reply<T = AnswerBody> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestClient {
  private cookie = '';

  async request<T = AnswerBody>(
    method: string,
    path: string,
    body?: unknown,
    init: { rawBody?: string; contentType?: string; headers?: Record<string, string> } = {},
  ): Promise<Reply<T>> {
    const headers: Record<string, string> = { Origin: ORIGIN, ...init.headers };
    if (this.cookie) headers.Cookie = this.cookie;
    let payload: string | undefined;
    if (init.rawBody !== undefined) {
      payload = init.rawBody;
      headers['Content-Type'] = init.contentType ?? 'application/json';
    } else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['Content-Type'] = 'application/json';
    }
    const res = await workerFetch(new Request(ORIGIN + path, { method, headers, body: payload }));
    for (const setCookie of res.headers.getSetCookie()) {
      const pair = setCookie.split(';')[0]!;
      this.cookie = /=$/.test(pair) || /Max-Age=0/i.test(setCookie) ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A multipart upload, as a browser's file input sends it. */
  async upload<T = AnswerBody>(
    path: string,
    bytes: Uint8Array | string,
    name = 'file.bin',
    type = 'application/octet-stream',
  ): Promise<Reply<T>> {
    // Written by hand, as any client may send it: workerd's FormData refuses some names a raw
    // request can still carry (one ending in a backslash), and those must reach the worker too.
    // The name is escaped as browsers do (HTML's multipart/form-data: " and CR/LF percent-encoded).
    const boundary = '----wangqian-test-' + Math.abs(name.length * 7919 + bytes.length).toString(36);
    const escaped = name.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    const head = new TextEncoder().encode(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${escaped}"\r\nContent-Type: ${type}\r\n\r\n`,
    );
    const content = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
    const tail = new TextEncoder().encode(`\r\n--${boundary}--\r\n`);
    const body = new Uint8Array(head.length + content.length + tail.length);
    body.set(head, 0);
    body.set(content, head.length);
    body.set(tail, head.length + content.length);
    const headers: Record<string, string> = { Origin: ORIGIN, 'Content-Type': `multipart/form-data; boundary=${boundary}` };
    if (this.cookie) headers.Cookie = this.cookie;
    const res = await workerFetch(new Request(ORIGIN + path, { method: 'POST', headers, body }));
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON: keep the text */
    }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = AnswerBody>(path: string) {
    return this.request<T>('GET', path);
  }
  /** A GET whose answer is a file: the Response itself, to read as bytes. */
  download(path: string): Promise<Response> {
    return workerFetch(new Request(ORIGIN + path, { headers: { Origin: ORIGIN, ...(this.cookie ? { Cookie: this.cookie } : {}) } }));
  }
  post<T = AnswerBody>(path: string, body?: unknown) {
    return this.request<T>('POST', path, body ?? {});
  }
  delete<T = AnswerBody>(path: string) {
    return this.request<T>('DELETE', path);
  }

  /** Signs in as one of the demo accounts (password demo1234). */
  static async as(username: string, password = 'demo1234'): Promise<TestClient> {
    const client = new TestClient();
    const res = await client.post('/api/session', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }
}

/**
 * A tiny HTTP client for worker tests: requests go through the real worker entry (`exports.default`)
 * and keep the session cookie like a browser would.
 */
import { workerFetch } from './worker-fetch';

const ORIGIN = 'https://wangqian.test';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export class TestClient {
  private cookie = '';

  async request<T = any>(method: string, path: string, body?: unknown, init: { rawBody?: string; contentType?: string; headers?: Record<string, string> } = {}): Promise<Reply<T>> {
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
      const pair = setCookie.split(';')[0];
      this.cookie = /=$/.test(pair) || /Max-Age=0/i.test(setCookie) ? '' : pair;
    }
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  /** A multipart upload, as a browser's file input sends it. */
  async upload<T = any>(path: string, bytes: Uint8Array | string, name = 'file.bin', type = 'application/octet-stream'): Promise<Reply<T>> {
    const form = new FormData();
    form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
    const headers: Record<string, string> = { Origin: ORIGIN };
    if (this.cookie) headers.Cookie = this.cookie;
    const res = await workerFetch(new Request(ORIGIN + path, { method: 'POST', headers, body: form }));
    const text = await res.text();
    let parsed: unknown = text;
    try { parsed = JSON.parse(text); } catch { /* not JSON: keep the text */ }
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get<T = any>(path: string) { return this.request<T>('GET', path); }
  post<T = any>(path: string, body?: unknown) { return this.request<T>('POST', path, body ?? {}); }
  delete<T = any>(path: string) { return this.request<T>('DELETE', path); }

  /** Signs in as one of the demo accounts (password demo1234). */
  static async as(username: string, password = 'demo1234'): Promise<TestClient> {
    const client = new TestClient();
    const res = await client.post('/api/session', { username, password });
    if (res.status !== 200) throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return client;
  }
}

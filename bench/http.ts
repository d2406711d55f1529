/** A signed-in caller over loopback: keeps the session cookie and sends the Origin the CSRF check wants. */
export class Caller {
  cookie = '';
  constructor(readonly baseUrl: string) {}

  headers(extra: Record<string, string> = {}): Record<string, string> {
    return { Origin: this.baseUrl, ...(this.cookie ? { Cookie: this.cookie } : {}), ...extra };
  }

  /** The answer's JSON, for the caller to name its type. */
  async json(method: string, path: string, body?: unknown): Promise<unknown> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: this.headers(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('wq_session='));
    if (cookie) this.cookie = cookie.split(';')[0] ?? '';
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
    return JSON.parse(text) as unknown;
  }

  static async signIn(baseUrl: string, username: string, password = 'demo1234'): Promise<Caller> {
    const caller = new Caller(baseUrl);
    await caller.json('POST', '/api/session', { username, password });
    return caller;
  }
}

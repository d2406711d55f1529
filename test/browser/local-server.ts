/**
 * A `wrangler dev` of our own on a given state directory, for tests that stop and restart the
 * server (the shared one from global-setup must stay up). Runs in its own process group so
 * stopping it ends workerd too.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, writeFileSync } from 'node:fs';
import { ensureDevVars } from '../../scripts/ensure-dev-vars';
import { freePort, stopProcessGroup, waitUntilHealthy } from '../../scripts/server-process';
import type { AnswerBody } from '../../worker/test/answer-body';

const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';
const quietEnv = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' };

/** `wrangler d1 migrations apply` on the directory; returns what it printed. */
export function applyMigrations(dir: string): string {
  return execFileSync(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir], {
    encoding: 'utf8',
    env: quietEnv,
  });
}

export function seed(dir: string) {
  execFileSync('npx', ['tsx', 'scripts/seed-local.ts', '--persist-to', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
}

export interface LocalServer {
  baseUrl: string;
  log: string;
  stop(): Promise<void>;
}

/**
 * Starts `wrangler dev` on DIR. Everything it prints goes, with the time, to `DIR.log` (debug level:
 * reloads, asset changes, each request), so a stalled page load can be explained afterwards.
 */
export async function startServer(dir: string): Promise<LocalServer> {
  // the worker refuses to serve without its session secret; `npm start` writes the same file
  ensureDevVars();
  const port = await freePort();
  let output = '';
  const log = `${dir}.log`;
  writeFileSync(log, '');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      WRANGLER,
      'dev',
      '--port',
      String(port),
      '--ip',
      '127.0.0.1',
      '--persist-to',
      dir,
      '--show-interactive-dev-session=false',
      // as npm start runs it: the schedule is fired through /__scheduled (scripts/local-cron.ts)
      '--test-scheduled',
      '--log-level',
      'debug',
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      env: quietEnv,
    },
  );
  const keep = (b: Buffer) => {
    if (output.length < 200_000) output += b.toString();
    appendFileSync(log, String(b).replace(/^(?=.)/gm, `${new Date().toISOString().slice(11, 23)} `));
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await waitUntilHealthy(child, baseUrl, 90_000, () => output);
  return { baseUrl, log, stop: () => stopProcessGroup(child, exited) };
}

/** A minimal cookie-keeping JSON client, as the web app talks to the API. */
export class ApiClient {
  private cookie = '';
  constructor(private baseUrl: string) {}

  /** The same client (same cookie) against a restarted server on another port. */
  useServer(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    raw?: { body: BodyInit },
  ): Promise<{ status: number; body: AnswerBody; headers: Headers; bytes: Uint8Array }> {
    const headers: Record<string, string> = { Origin: this.baseUrl };
    if (this.cookie) headers.Cookie = this.cookie;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      body: raw?.body ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    for (const c of res.headers.getSetCookie()) this.cookie = c.split(';')[0]!;
    const bytes = new Uint8Array(await res.arrayBuffer());
    let parsed: unknown = null;
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed, headers: res.headers, bytes };
  }

  static async signIn(baseUrl: string, username: string, password = 'demo1234'): Promise<ApiClient> {
    const client = new ApiClient(baseUrl);
    const res = await client.request('POST', '/api/session', { username, password });
    if (res.status !== 200) throw new Error(`sign in ${username}: ${res.status}`);
    return client;
  }
}

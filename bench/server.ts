/**
 * The worker as `npm start` serves it — `wrangler dev` in workerd — with a fresh local D1/R2 in a
 * temporary directory (migrated, demo-seeded), bundled from the bench's own entry
 * (bench/worker/index.ts: the production worker with the bench routes in front of it).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ensureDevVars } from '../scripts/ensure-dev-vars';
import { freePort, stopProcessGroup, waitUntilHealthy } from '../scripts/server-process';

const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';
const BENCH_ENTRY = 'bench/worker/index.ts';
const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };

export interface BenchServer {
  baseUrl: string;
  stateDir: string;
  /** runs SQL against the same local database (for EXPLAIN QUERY PLAN and manual indexes) */
  sql: (command: string) => unknown[];
  stop: () => Promise<void>;
  /** the end of wrangler's output, for failures */
  output: () => string;
  remove: () => void;
  /** the server's process group (wrangler and its workerd), for CPU accounting */
  processGroup: number | undefined;
}

export interface BenchState {
  /** everything of this run: the worker bundle, the web assets, the D1/R2 state */
  dir: string;
  stateDir: string;
  config: string;
}

/**
 * A snapshot of the app: the worker bundled once and the built web app copied, served by a config
 * of their own. `wrangler dev` on the working tree would rebuild and restart on every edit made
 * while the bench runs, and a rebuild of dist/ would take the font away mid-run.
 */
export function freshState(opts: { font?: string } = {}): BenchState {
  const dir = mkdtempSync(join(tmpdir(), 'wq-bench-'));
  const stateDir = join(dir, 'state');
  // the bench's entry in place of wrangler.toml's `main`; the deployable bundle never has its routes
  execFileSync(process.execPath, [WRANGLER, 'deploy', BENCH_ENTRY, '--dry-run', '--outdir', join(dir, 'bundle')], quiet);
  cpSync('dist/web', join(dir, 'web'), { recursive: true });
  // --font: measure the PDF with another font file than the build ships (e.g. TrueType outlines)
  if (opts.font) cpSync(opts.font, join(dir, 'web', 'fonts', 'agreement-cjk.font'));
  const config = join(dir, 'wrangler.toml');
  // wrangler reads .dev.vars beside the config: a secret of this run's own, and development mode
  ensureDevVars(dir);
  writeFileSync(
    config,
    readFileSync('wrangler.toml', 'utf8')
      .replace(/^main = .*$/m, 'main = "bundle/index.js"\nno_bundle = true')
      .replace(/^directory = .*$/m, 'directory = "web"')
      .replace(/^migrations_dir = .*$/m, `migrations_dir = ${JSON.stringify(resolve('migrations'))}`)
      // one bench employer looks students up thousands of times a second: lift its lookup limits
      // (the limiter calls, the counter and the audit write still run, so their cost is measured)
      .replace(/(name = "LOOKUP_\w+_LIMITER"\nnamespace_id = "\d+"\nsimple = \{ limit = )\d+/g, '$11000000000')
      .replace(/^LOOKUP_DAILY_QUOTA = .*$/m, 'LOOKUP_DAILY_QUOTA = "1000000000"')
      // no consumer of the notification queue: a transition's figure is the request's own work (its rows
      // and its queue send); sending the e-mail and SMS is the consumer's, on another invocation in
      // production but on the same two cores here (docs/performance.md, notifications)
      .replace(/^\[\[queues\.consumers\]\]\n(?:[^\n[]+\n)*/m, ''),
  );
  execFileSync(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', stateDir], quiet);
  execFileSync('npx', ['tsx', 'scripts/seed-local.ts', '--persist-to', stateDir], quiet);
  return { dir, stateDir, config };
}

export function sqlAt(stateDir: string, command: string): unknown[] {
  const out = execFileSync(
    process.execPath,
    [WRANGLER, 'd1', 'execute', 'DB', '--local', '--persist-to', stateDir, '--json', '--command', command],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const parsed = JSON.parse(out) as Array<{ results: unknown[] }>;
  return parsed.flatMap((p) => p.results);
}

export interface ServerOptions {
  /**
   * Serve with `wrangler dev` itself, DevTools inspector attached (as `npm start` does), instead of
   * bench/worker-process.ts. Only to show what the inspector costs; see worker-process.ts.
   */
  withInspector?: boolean;
}

export async function startServer(state: BenchState, opts: ServerOptions = {}): Promise<BenchServer> {
  const { stateDir } = state;
  const port = await freePort();
  let output = '';
  const args = opts.withInspector
    ? [
        WRANGLER,
        'dev',
        '--config',
        state.config,
        '--port',
        String(port),
        '--ip',
        '127.0.0.1',
        '--persist-to',
        stateDir,
        '--show-interactive-dev-session=false',
        '--log-level',
        'warn',
      ]
    : ['--import', 'tsx', 'bench/worker-process.ts', state.config, stateDir, String(port)];
  // its own process group, so stop() ends wrangler and its workerd together
  const child: ChildProcess = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  child.stdout?.on('data', (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  });
  child.stderr?.on('data', (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  });
  const exited = new Promise((r) => child.once('exit', r));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilHealthy(child, baseUrl, 120_000, () => output);
  const stop = () => stopProcessGroup(child, exited);
  return {
    baseUrl,
    stateDir,
    stop,
    output: () => output,
    processGroup: child.pid,
    sql: (command) => sqlAt(stateDir, command),
    remove: () => rmSync(state.dir, { recursive: true, force: true }),
  };
}

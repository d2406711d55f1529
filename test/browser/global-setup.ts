/**
 * Starts the real app for browser tests: the built web app and the worker under `wrangler dev`,
 * with a fresh local D1/R2 state directory, migrated and seeded — exactly what `npm start` serves.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import type { TestProject } from 'vitest/node';

// One directory per run, so two runs on one machine never share a database.
const STATE = `.tmp/browser-state-${process.pid}`;
const WRANGLER = 'node_modules/wrangler/bin/wrangler.js';

/** A port nobody listens on, so a leftover server can never answer for this run. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

async function waitForHealth(url: string, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited early:\n' + log());
    try {
      const res = await fetch(url + '/api/health');
      if (res.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error('wrangler dev did not become healthy:\n' + log());
}

export default async function setup(project: TestProject) {
  rmSync(STATE, { recursive: true, force: true });
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] as ['ignore', 'ignore', 'inherit'] };
  execFileSync(process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', STATE], quiet);
  execFileSync('npx', ['tsx', 'scripts/seed-local.ts', '--persist-to', STATE], quiet);
  const port = await freePort();
  let output = '';
  // Started without npx and in its own process group, so teardown can end wrangler and workerd together.
  const child = spawn(process.execPath, [WRANGLER, 'dev', '--port', String(port), '--ip', '127.0.0.1', '--persist-to', STATE, '--show-interactive-dev-session=false'], {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' },
  });
  child.stdout?.on('data', (b) => { output += b; });
  child.stderr?.on('data', (b) => { output += b; });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(baseUrl, child, () => output);
  project.provide('baseUrl', baseUrl);
  return async () => {
    const group = -child.pid!;
    try { process.kill(group, 'SIGTERM'); } catch { return; }
    await new Promise((r) => setTimeout(r, 2000));
    try { process.kill(group, 'SIGKILL'); } catch { /* ended on SIGTERM */ }
    rmSync(STATE, { recursive: true, force: true });
  };
}

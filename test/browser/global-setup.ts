/**
 * Starts the real app for browser tests: the built web app and the worker under `wrangler dev`,
 * with a fresh local D1/R2 state directory, migrated and seeded — exactly what `npm start` serves.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';

const PORT = 8799;
const STATE = '.tmp/browser-state';

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
  execFileSync('npx', ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', STATE], quiet);
  execFileSync('npx', ['tsx', 'scripts/seed-local.ts', '--persist-to', STATE], quiet);
  let output = '';
  const child = spawn('npx', ['wrangler', 'dev', '--port', String(PORT), '--ip', '127.0.0.1', '--persist-to', STATE, '--show-interactive-dev-session=false'], {
    stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, CI: 'true' },
  });
  child.stdout?.on('data', (b) => { output += b; });
  child.stderr?.on('data', (b) => { output += b; });
  const baseUrl = `http://127.0.0.1:${PORT}`;
  await waitForHealth(baseUrl, child, () => output);
  project.provide('baseUrl', baseUrl);
  return () => {
    try { process.kill(-child.pid!, 'SIGTERM'); } catch { /* already gone */ }
  };
}

/**
 * A local server process (`wrangler dev`, the bench's worker process) as the bench and the browser
 * tests start it: on a free port, in its own process group, waited for until /api/health answers,
 * and stopped with everything it started (workerd).
 */
import type { ChildProcess } from 'node:child_process';
import { createServer, type AddressInfo } from 'node:net';

/** A TCP port on 127.0.0.1 that nothing listens on now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => {
        resolve(port);
      });
    });
  });
}

/** Resolves once `baseUrl`/api/health answers; throws with what the server printed if it exits or `timeoutMs` passes first. */
export async function waitUntilHealthy(child: ChildProcess, baseUrl: string, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error('wrangler dev exited early:\n' + output());
    if (Date.now() > deadline) throw new Error('wrangler dev did not become healthy:\n' + output());
    try {
      if ((await fetch(baseUrl + '/api/health')).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
}

/**
 * Ends a process spawned `detached` (the leader of its own group) and the whole group: SIGTERM,
 * then SIGKILL after five seconds at the latest; resolves once the leader has exited. `exited` is
 * the leader's 'exit', listened for from the spawn on.
 */
export async function stopProcessGroup(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((r) => (timer = setTimeout(r, 5000)))]);
  clearTimeout(timer);
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
  await exited;
}

/**
 * `npm start`'s last step: `wrangler dev` (worker, web assets, local D1, R2 and queues) with the
 * deployed schedule fired locally (scripts/local-cron.ts), so e-mail and SMS reach 本地发件箱 within
 * a minute and invitations lapse as they would deployed. Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { fireScheduled, startLocalCron, wranglerCrons } from './local-cron';
import { waitUntilHealthy } from './server-process';

const PORT = 8787;
const baseUrl = `http://localhost:${String(PORT)}`;

const wrangler = spawn('npx', ['wrangler', 'dev', '--port', String(PORT), '--test-scheduled'], {
  stdio: 'inherit',
  env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
});
const exited = new Promise<number>((resolve) => wrangler.on('exit', (code) => resolve(code ?? 0)));

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal));

waitUntilHealthy(wrangler, baseUrl, 120_000, () => '')
  .then(() => {
    const crons = wranglerCrons();
    const cron = startLocalCron(crons, (c) => fireScheduled(baseUrl, c));
    console.log(`本地定时任务已启动（${crons.join('、')}），每分钟触发一次到期的任务。`);
    void exited.then(() => cron.stop());
  })
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : err);
  });

void exited.then((code) => process.exit(code));

/**
 * The deployed schedule, run locally: `wrangler dev` does not fire cron triggers by itself, so
 * `npm start` (scripts/start-local.ts) asks it to at each minute, through the `/__scheduled` route
 * of `--test-scheduled`, for every cron of `wrangler.toml` due then — the outbox sweep every minute
 * (e-mail and SMS into 本地发件箱), the lapses and reminders every 15 minutes.
 * Cron fields other than the minute are taken as `*` (the project's crons use only the minute).
 */
import { readFileSync } from 'node:fs';

/** The crons of `[triggers]` in a wrangler.toml. */
export function cronsOf(toml: string): string[] {
  const line = /^\s*crons\s*=\s*\[(.*)\]\s*$/m.exec(toml);
  return line?.[1] ? [...line[1].matchAll(/"([^"]+)"/g)].map((m) => m[1] ?? '') : [];
}

/** Whether a cron is due at the given minute, by its minute field: any (`*`), every N-th (a step), `M` or `M,N`. */
export function isDue(cron: string, at: Date): boolean {
  const minute = at.getUTCMinutes();
  const field = cron.trim().split(/\s+/)[0] ?? '';
  return field.split(',').some((part) => {
    if (part === '*') return true;
    const step = /^\*\/(\d+)$/.exec(part);
    if (step) return minute % Number(step[1]) === 0;
    return /^\d+$/.test(part) && Number(part) === minute;
  });
}

export interface LocalCron {
  stop(): void;
}

/**
 * Fires the due crons at every minute's start, one after the other; a failed one is logged and
 * the next minute tries again.
 */
export function startLocalCron(
  crons: readonly string[],
  fire: (cron: string) => Promise<void>,
  log: (line: string) => void = console.log,
): LocalCron {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const tick = async () => {
    const at = new Date();
    for (const cron of crons.filter((c) => isDue(c, at))) {
      try {
        await fire(cron);
      } catch (err) {
        log(`定时任务 ${cron} 失败：${err instanceof Error ? err.message : String(err)}`);
      }
    }
    schedule();
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => void tick(), 60_000 - (Date.now() % 60_000) + 50);
  };
  schedule();
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}

/** A cron run by `wrangler dev --test-scheduled` at `baseUrl`. */
export async function fireScheduled(baseUrl: string, cron: string): Promise<void> {
  const res = await fetch(`${baseUrl}/__scheduled?cron=${encodeURIComponent(cron)}`);
  const text = await res.text();
  if (!res.ok) throw new Error(`HTTP ${String(res.status)}`);
  // anything else (the web app's page) means the route never reached the worker: wrangler.toml's run_worker_first must name it
  if (!text.startsWith('Ran scheduled event'))
    throw new Error('/__scheduled 未交给 worker 处理（wrangler dev 需 --test-scheduled，run_worker_first 需含 /__scheduled）');
}

export function wranglerCrons(path = 'wrangler.toml'): string[] {
  return cronsOf(readFileSync(path, 'utf8'));
}

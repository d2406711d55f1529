/** npm start fires the deployed schedule itself: which crons are due at which minute. */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { cronsOf, fireScheduled, isDue, startLocalCron } from './local-cron';

const at = (minute: number) => new Date(Date.UTC(2027, 2, 1, 8, minute));

describe('the local schedule of npm start', () => {
  it('reads the crons of wrangler.toml: the outbox sweep every minute and the lapses every 15', () => {
    expect(cronsOf(readFileSync('wrangler.toml', 'utf8'))).toEqual(['*/15 * * * *', '* * * * *']);
    expect(cronsOf('name = "x"\n')).toEqual([]);
  });

  it('fires the every-minute cron at every minute and the 15-minute one at :00, :15, :30 and :45', () => {
    const due = (minute: number) => ['*/15 * * * *', '* * * * *'].filter((c) => isDue(c, at(minute)));
    expect(due(0)).toEqual(['*/15 * * * *', '* * * * *']);
    expect(due(7)).toEqual(['* * * * *']);
    expect(due(45)).toEqual(['*/15 * * * *', '* * * * *']);
    expect(isDue('5,35 * * * *', at(35))).toBe(true);
    expect(isDue('5,35 * * * *', at(36))).toBe(false);
  });

  it('runs the due crons at the start of each minute, goes on after one fails, and stops when told', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      vi.setSystemTime(at(14).getTime() + 30_000);
      const fired: string[] = [];
      const logged: string[] = [];
      const cron = startLocalCron(
        ['*/15 * * * *', '* * * * *'],
        (c) => {
          fired.push(c);
          return c === '*/15 * * * *' ? Promise.reject(new Error('D1 不可用')) : Promise.resolve();
        },
        (line) => logged.push(line),
      );
      await vi.advanceTimersByTimeAsync(29_000);
      expect(fired).toEqual([]);
      await vi.advanceTimersByTimeAsync(1_100); // 08:15
      expect(fired).toEqual(['*/15 * * * *', '* * * * *']);
      expect(logged).toEqual(['定时任务 */15 * * * * 失败：D1 不可用']);
      await vi.advanceTimersByTimeAsync(60_000); // 08:16
      expect(fired).toEqual(['*/15 * * * *', '* * * * *', '* * * * *']);
      cron.stop();
      await vi.advanceTimersByTimeAsync(180_000);
      expect(fired).toHaveLength(3);
    } finally {
      vi.useRealTimers();
    }
  });

  it('asks wrangler dev through the /__scheduled route of --test-scheduled, and says so when the route never reached the worker', async () => {
    const asked: string[] = [];
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '', 'http://x');
      asked.push(`${url.pathname} ${url.searchParams.get('cron') ?? ''}`);
      res.statusCode = asked.length === 2 ? 500 : 200;
      // wrangler dev's answer; the third call gets the web app's page, as where the route never reaches the worker
      res.end(asked.length === 1 ? 'Ran scheduled event' : '<!doctype html>');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${String((server.address() as AddressInfo).port)}`;
    try {
      await fireScheduled(base, '* * * * *');
      await expect(fireScheduled(base, '*/15 * * * *')).rejects.toThrow('HTTP 500');
      await expect(fireScheduled(base, '* * * * *')).rejects.toThrow('run_worker_first');
      expect(asked).toEqual(['/__scheduled * * * * *', '/__scheduled */15 * * * *', '/__scheduled * * * * *']);
    } finally {
      server.close();
    }
  });
});

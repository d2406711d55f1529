/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless with the
 * flags that keep it off the network, and a fresh profile per launch.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium';

export interface Session {
  browser: BrowserContext;
  page: Page;
  baseUrl: string;
  close: () => Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 860 }): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'wq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: CHROMIUM_ARGS,
  });
  // a loaded two-core machine has taken over 30 s to finish a page load while wrangler dev rebuilt nothing
  context.setDefaultNavigationTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
  explainStalledNavigations(page, inject('baseUrl'), inject('serverLog'));
  return {
    browser: context,
    page,
    baseUrl: inject('baseUrl'),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Closes a session in `afterAll`: nothing to close when `beforeAll` failed before opening it. */
export async function closeSession(s: Session | undefined): Promise<void> {
  await s?.close();
}

export async function login(s: Session, username: string, password = 'demo1234') {
  await s.page.goto(s.baseUrl + '/');
  await s.page.getByLabel('用户名').fill(username);
  await s.page.getByLabel('密码').fill(password);
  await s.page.getByRole('button', { name: '登录' }).click();
  // Wait for the answer: a navigation started while the sign-in request is in flight would cancel it.
  // 退出 on wide screens; on phones it sits in the menu behind the 菜单 button
  const signedIn = s.page.getByRole('button', { name: '退出' }).or(s.page.getByRole('button', { name: '菜单' }));
  const refused = s.page.getByRole('alert');
  await expect.poll(async () => (await signedIn.isVisible()) || (await refused.isVisible()), { timeout: 30_000 }).toBe(true);
}

export type { Browser, Page };

/**
 * A navigation that times out says why: whether the server answers the same address from here
 * (and how fast), which of the page's requests were still open, and what `wrangler dev` printed
 * last. A stall is then the browser's, the dev server's or the worker's, not a guess.
 */
function explainStalledNavigations(page: Page, baseUrl: string, serverLog: string) {
  const open = new Map<object, { url: string; since: number }>();
  page.on('request', (r) => open.set(r, { url: r.url(), since: Date.now() }));
  page.on('requestfinished', (r) => open.delete(r));
  page.on('requestfailed', (r) => open.delete(r));
  const goto = page.goto.bind(page);
  page.goto = async (url, options) => {
    try {
      return await goto(url, options);
    } catch (error) {
      if (!(error instanceof Error) || error.name !== 'TimeoutError') throw error;
      const started = Date.now();
      const probe = await fetch(url, { signal: AbortSignal.timeout(15_000) })
        .then((res) => `answered ${res.status} in ${Date.now() - started} ms`)
        .catch((e: unknown) => `no answer after ${Date.now() - started} ms (${e instanceof Error ? e.name : String(e)})`);
      const pending = [...open.values()].map((r) => `  ${r.url} (open ${Math.round((Date.now() - r.since) / 1000)} s)`);
      const tail =
        serverLog && existsSync(serverLog) ? readFileSync(serverLog, 'utf8').split('\n').slice(-60).join('\n') : '(no server log)';
      error.message +=
        `\n\nThe same address fetched from the test process: ${probe} (baseUrl ${baseUrl}).` +
        `\nRequests of the page still open:\n${pending.join('\n') || '  none'}` +
        `\nThe last lines wrangler dev printed (${serverLog}):\n${tail}`;
      throw error;
    }
  };
}

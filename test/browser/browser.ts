/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), headless with the
 * flags that keep it off the network, and a fresh profile per launch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export interface Session {
  browser: BrowserContext;
  page: Page;
  baseUrl: string;
  close: () => Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 860 }): Promise<Session> {
  const profile = mkdtempSync(join(tmpdir(), 'wq-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport,
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  // a loaded two-core machine has taken over 30 s to finish a page load while wrangler dev rebuilt nothing
  context.setDefaultNavigationTimeout(60_000);
  const page = context.pages()[0] ?? (await context.newPage());
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

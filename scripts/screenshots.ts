/**
 * Screenshots of pages as a role sees them, at 1280 px and 375 px, for a look before calling a
 * screen done:  npm run screenshots -- school:/source-records/import student:/profile
 * Starts its own `wrangler dev` on a fresh migrated and seeded state directory (the built app:
 * run `npm run build` first), signs in with the demo accounts and writes full-page PNGs to
 * .tmp/screens/<role>-<path>-<width>.png.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { applyMigrations, seed, startServer } from '../test/browser/local-server';

const WIDTHS = [1280, 375];
const OUT = '.tmp/screens';

const targets = process.argv.slice(2).map((arg) => {
  const at = arg.indexOf(':');
  if (at < 1 || arg[at + 1] !== '/') throw new Error(`expected role:/path, got "${arg}"`);
  return { role: arg.slice(0, at), path: arg.slice(at + 1) };
});
if (targets.length === 0) {
  console.error('usage: npm run screenshots -- <role>:/<path> …   (roles: the demo usernames, e.g. school, student, employer)');
  process.exit(2);
}

const dir = mkdtempSync(join(tmpdir(), 'wq-screens-'));
mkdirSync(OUT, { recursive: true });
applyMigrations(dir);
seed(dir);
const server = await startServer(dir);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  for (const { role, path } of targets) {
    for (const width of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.goto(server.baseUrl + '/');
      await page.getByLabel('用户名').fill(role);
      await page.getByLabel('密码').fill('demo1234');
      await page.getByRole('button', { name: '登录' }).click();
      // signed in: 退出 on wide screens, the 菜单 button (退出 inside it) on phones
      await page
        .getByRole('button', { name: '退出' })
        .or(page.getByRole('button', { name: '菜单' }))
        .waitFor({ timeout: 30_000 });
      await page.goto(server.baseUrl + path);
      await page.waitForLoadState('networkidle');
      const file = join(OUT, `${role}-${path.replace(/[^a-zA-Z0-9]+/g, '_').replace(/^_|_$/g, '') || 'home'}-${width}.png`);
      await page.screenshot({ path: file, fullPage: true });
      console.log(file);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.stop();
  rmSync(dir, { recursive: true, force: true });
}

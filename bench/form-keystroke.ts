/**
 * The agreement form in Chromium: the time from one keystroke's input event until the form has
 * re-validated, React has re-rendered and the browser has recomputed style and layout. Measured
 * from outside the app (a capture listener on window), so production code carries no marks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export interface KeystrokeResult {
  /** controls on the step typed in (the whole form is re-validated on each keystroke) */
  fields: number;
  samples: number[];
}

export async function measureFormKeystroke(baseUrl: string, username: string, keystrokes = 40): Promise<KeystrokeResult> {
  const profile = mkdtempSync(join(tmpdir(), 'wq-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync'],
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(baseUrl + '/');
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill('demo1234');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => url.pathname === '/' || url.pathname.startsWith('/r/'), { timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    await page.goto(baseUrl + '/r/agreements/new?mode=offline');
    // step 1 shows the student's own data; step 2 (单位与岗位) is where most typing happens
    await page.getByRole('button', { name: '下一步' }).click();
    const input = page.locator('main input:is([type="text"], :not([type])):not([readonly]):not([disabled])').first();
    await input.waitFor({ timeout: 30_000 });
    const fields = await page.locator('main :is(input:not([type="hidden"]), select, textarea)').count();
    await input.click();
    await page.evaluate(() => {
      const w = window as unknown as { __keystrokes: number[] };
      w.__keystrokes = [];
      window.addEventListener('input', () => {
        const start = performance.now();
        // after the event's handlers and React's synchronous re-render; then force style and layout
        setTimeout(() => {
          document.body.getBoundingClientRect();
          w.__keystrokes.push(performance.now() - start);
        }, 0);
      }, true);
    });
    for (let i = 0; i < keystrokes + 5; i++) {
      await page.keyboard.press(i % 2 ? 'Backspace' : 'KeyA');
      await page.waitForTimeout(60);
    }
    const samples = await page.evaluate(() => (window as unknown as { __keystrokes: number[] }).__keystrokes);
    return { fields, samples: samples.slice(5) };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The agreement form in Chromium: the time from one keystroke's input event until the form has
 * re-validated, React has re-rendered and the browser has recomputed style and layout. Measured
 * from outside the app (a capture listener on window), so production code carries no marks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { timeKeystrokes } from './keystroke-timer';

export interface KeystrokeResult {
  /** fields in the form as the browser got it (after padding) */
  formFields: number;
  /** controls on the step typed in (the whole form is re-validated on each keystroke) */
  fields: number;
  samples: number[];
}

type Definition = { steps: Array<{ key: string; sections: Array<{ key: string; access?: unknown; rows: unknown[][] }> }> };

const countFields = (def: Definition) =>
  def.steps.reduce((n, step) => n + step.sections.reduce((m, sec) => m + sec.rows.reduce((k, row) => k + row.length, 0), 0), 0);

/**
 * The target is for a 60-field agreement; the shipped one has fewer. Optional text
 * fields, two to a row, go into a last section of the step typed in, with the access of the
 * section before them, so the measured form has `target` fields as an admin could publish.
 */
function padDefinition(def: Definition, stepKey: string, target: number): Definition {
  const missing = target - countFields(def);
  if (missing <= 0) return def;
  const step = def.steps.find((s) => s.key === stepKey) ?? def.steps.at(-1);
  if (!step) throw new Error('the form has no step to pad');
  const keys = Array.from({ length: missing }, (_, i) => `benchExtra${i + 1}`);
  const rows = keys.reduce<unknown[][]>((out, key, i) => {
    const field = { key, type: 'text', label: `附加信息 ${i + 1}`, maxLength: 100 };
    const pair = out.at(-1);
    if (i % 2 === 0 || !pair) out.push([field]);
    else pair.push(field);
    return out;
  }, []);
  const last = step.sections.at(-1);
  if (!last) throw new Error(`step ${step.key} has no section to copy access from`);
  step.sections.push({ key: 'benchExtra', access: last.access, rows });
  return def;
}

export async function measureFormKeystroke(baseUrl: string, username: string, keystrokes = 40, padTo = 60): Promise<KeystrokeResult> {
  const profile = mkdtempSync(join(tmpdir(), 'wq-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    locale: 'zh-CN',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    let formFields = 0;
    await page.route('**/api/forms/agreement/versions/*', async (route) => {
      const res = await route.fetch();
      const body = (await res.json()) as { definition: Definition };
      body.definition = padDefinition(body.definition, 'employerPage', padTo);
      formFields = countFields(body.definition);
      await route.fulfill({ response: res, json: body });
    });
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
    const samples = await timeKeystrokes(page, keystrokes);
    return { formFields, fields, samples };
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/**
 * The web side of the peer bench: first render and keystroke cost of our FormRenderer against
 * @rjsf/core (+ @rjsf/validator-ajv8) rendering the same agreement form, every field editable on
 * one page, in Chromium (bench/peers-web/page.tsx). The page is built with vite in production mode
 * and served by vite preview; a keystroke is timed as bench/form-keystroke.ts times ours: from the
 * input event (a capture listener on window) until the re-render's style and layout are done.
 * `npm run bench:peers -- --web` runs it after the validators and adds its figures.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium';
import { timeKeystrokes } from './keystroke-timer';
import { summarize, type Summary } from './peers/measure';

type Library = 'ours' | 'rjsf';

export interface WebPeerResult {
  library: Library;
  name: string;
  /** inputs, selects and textareas on the page */
  controls: number;
  /** the first render of the page load (cold), ms */
  coldRenderMs: number;
  /** later re-mounts of the whole form, ms */
  renderMs: Summary & { samples: number[] };
  keystrokeMs: Summary & { samples: number[] };
}

const LIBRARIES: Record<Library, { name: string; typeInto: string }> = {
  ours: { name: 'FormRenderer (our engine)', typeInto: 'input[id$="-jobTitle"]' },
  rjsf: { name: '@rjsf/core + validator-ajv8', typeInto: '#root_jobTitle' },
};

async function measureLibrary(page: Page, baseUrl: string, library: Library, mounts: number, keystrokes: number): Promise<WebPeerResult> {
  await page.goto(`${baseUrl}/?lib=${library}`);
  await page.waitForFunction(() => '__peerBench' in window);
  const bench = () => (window as unknown as { __peerBench: { mount: () => number } }).__peerBench;
  const cold = await page.evaluate(`(${bench.toString()})().mount()`);
  const renders: number[] = [];
  for (let i = 0; i < mounts; i++) renders.push(Number(await page.evaluate(`(${bench.toString()})().mount()`)));
  const controls = await page.locator('main :is(input:not([type="hidden"]), select, textarea)').count();
  const input = page.locator(LIBRARIES[library].typeInto);
  await input.click();
  await page.keyboard.press('End');
  const samples = await timeKeystrokes(page, keystrokes);
  if (samples.length < keystrokes) throw new Error(`peers-web: ${library} answered ${samples.length} of ${keystrokes} keystrokes`);
  const round = (xs: number[]) => xs.map((x) => Number(x.toFixed(2)));
  return {
    library,
    name: LIBRARIES[library].name,
    controls,
    coldRenderMs: Number(Number(cold).toFixed(2)),
    renderMs: { ...summarize(renders), samples: round(renders) },
    keystrokeMs: { ...summarize(samples), samples: round(samples) },
  };
}

export async function measureWebPeers(options = { mounts: 15, keystrokes: 40 }): Promise<WebPeerResult[]> {
  const root = new URL('./peers-web/', import.meta.url).pathname;
  const outDir = join(process.cwd(), '.tmp', 'bench-peers-web');
  await build({
    root,
    configFile: false,
    plugins: [react()],
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 4096 },
  });
  const server = await preview({ root, configFile: false, logLevel: 'warn', build: { outDir }, preview: { port: 0, host: '127.0.0.1' } });
  const baseUrl = server.resolvedUrls?.local[0]?.replace(/\/$/, '');
  if (!baseUrl) throw new Error('peers-web: vite preview gave no address');
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  try {
    const out: WebPeerResult[] = [];
    // each library twice, interleaved, in a fresh page; the second round is kept (the first warms the machine)
    for (const round of [0, 1]) {
      for (const library of ['ours', 'rjsf'] as const) {
        const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
        const page = await context.newPage();
        const result = await measureLibrary(page, baseUrl, library, options.mounts, options.keystrokes);
        if (round === 1) out.push(result);
        await context.close();
      }
    }
    return out;
  } finally {
    await browser.close();
    await server.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}

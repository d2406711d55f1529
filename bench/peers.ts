/**
 * Our form engine against the validators people would otherwise use, on the agreement and the
 * dispatch form with realistic data (bench/peers/samples.ts): ops/s of the engine as the server
 * calls it, of ajv compiled from the engine's JSON Schema, of ajv's standalone precompiled code
 * (the only way ajv runs in a Worker: it compiles with `new Function`, which Workers refuse at
 * request time) and of @cfworker/json-schema (a Workers-safe interpreter), each as a ratio to the
 * engine measured in the same run; then which planted mistakes each one catches.
 * `npm run bench:peers` runs it alone (under a minute, no server) and writes
 * bench/results/peers-latest.json; with `-- --web` it also renders the agreement form with our
 * FormRenderer and with @rjsf/core in Chromium (bench/peers-web.ts).
 *
 * Like bench/form-cost.ts, the code timed is bundled with esbuild as wrangler bundles the worker
 * (keep_names = false): tsx keeps function names, which would time a slower engine than the one
 * deployed. The peers are imported as published.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { formatTable, reported, type Figure } from './figures';
import { caughtCounts, compareCatches, type CatchReport } from './peers/catches';
import { summarize, type LoopOptions, type Summary } from './peers/measure';
import type { WebPeerResult } from './peers-web';

type Timed = typeof import('./peers/timed');

const LOOP: LoopOptions = { warmupMs: 500, samples: 15, sampleMs: 100 };
const OUT = 'bench/results/peers-latest.json';

async function loadTimed(): Promise<Timed> {
  // inside the repository, so the bundle's imports of ajv and @cfworker/json-schema resolve
  const dir = join(process.cwd(), '.tmp', 'bench-peers');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `timed-${process.pid}.mjs`);
  try {
    await build({
      entryPoints: [new URL('./peers/timed.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'es2022',
      packages: 'external',
      keepNames: false,
      outfile,
      logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)) as Timed;
  } finally {
    rmSync(outfile, { force: true });
  }
}

interface CaseResult {
  sample: 'valid' | 'invalid';
  validators: Array<{ name: string; ratioToEngine: number } & Summary & { samples: number[] }>;
}

interface FormResult {
  form: string;
  fields: number;
  jsonSchemaBytes: number;
  ajvStandaloneBytes: number;
  ajvStandaloneGzipBytes: number;
  /** one-time cost to get each peer ready for the form, ms */
  setupMs: Record<string, number>;
  cases: CaseResult[];
  catches: CatchReport;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function caseFigures(form: string, c: CaseResult): Figure[] {
  const base = c.validators[0];
  if (!base) return [];
  return c.validators.map((v) =>
    reported(
      `${form}, ${c.sample}: ${v.name}`,
      v.ratioToEngine,
      '× engine',
      `${fmt(v.median)} ops/s (${fmt(v.min)}–${fmt(v.max)}, spread ${v.spreadPct.toFixed(0)}%)` +
        (v === base ? '' : `; engine ${fmt(base.median)} ops/s`),
    ),
  );
}

function webFigures(web: WebPeerResult[]): Figure[] {
  const ours = web.find((w) => w.library === 'ours');
  if (!ours) return [];
  const ms = (n: number) => `${n.toFixed(1)} ms`;
  return web.flatMap((w) => [
    reported(
      `agreement in Chromium, re-mount: ${w.name}`,
      w.renderMs.median / ours.renderMs.median,
      '× ours',
      `${ms(w.renderMs.median)} (${ms(w.renderMs.min)}–${ms(w.renderMs.max)}); cold first render ${ms(w.coldRenderMs)}; ${w.controls} controls`,
    ),
    reported(
      `agreement in Chromium, keystroke: ${w.name}`,
      w.keystrokeMs.median / ours.keystrokeMs.median,
      '× ours',
      `${ms(w.keystrokeMs.median)} (${ms(w.keystrokeMs.min)}–${ms(w.keystrokeMs.max)}) over ${w.keystrokeMs.samples.length} keystrokes`,
    ),
  ]);
}

function catchTable(report: CatchReport): string {
  const names = Object.keys(report.rows[0]?.flaggedBy ?? {});
  const lines = report.rows.map(
    (r) =>
      `  ${r.field.padEnd(16)} ${r.inJsonSchema ? 'schema' : 'engine'}  ${names.map((n) => (r.flaggedBy[n] ? '✓' : '–')).join('  ')}  ${r.what}`,
  );
  const counts = caughtCounts(report);
  return [
    `  validators: ${names.map((n, i) => `${i + 1}=${n}`).join(', ')}`,
    `  ${'field'.padEnd(16)} rule    ${names.map((_, i) => String(i + 1)).join('  ')}`,
    ...lines,
    `  caught: ${names.map((n) => `${n} ${counts[n] ?? 0}/${report.rows.length}`).join(', ')}`,
    ...Object.entries(report.unexplained)
      .filter(([, fields]) => fields.length > 0)
      .map(([n, fields]) => `  ${n} also flags: ${fields.join(', ')}`),
  ].join('\n');
}

async function main() {
  const timed = await loadTimed();
  const results: FormResult[] = [];
  const figures: Figure[] = [];
  for (const form of timed.PEER_FORMS) {
    const { schema, standaloneSource, subjects } = timed.subjectsFor(form);
    const cases: CaseResult[] = [];
    for (const sample of ['valid', 'invalid'] as const) {
      const data = form[sample];
      const runs = timed.measureInterleaved(
        subjects.map((s) => ({ name: s.name, fn: s.prepare(data) })),
        LOOP,
      );
      const summaries = runs.map((r) => ({ name: r.name, ...summarize(r.samples), samples: r.samples.map(Math.round) }));
      const engine = summaries[0]?.median ?? NaN;
      cases.push({ sample, validators: summaries.map((s) => ({ ...s, ratioToEngine: s.median / engine })) });
    }
    const flagged = Object.fromEntries(subjects.map((s) => [s.name, s.flagged(form.invalid)]));
    const result: FormResult = {
      form: form.key,
      fields: Object.keys((schema as { properties: object }).properties).length,
      jsonSchemaBytes: Buffer.byteLength(JSON.stringify(schema)),
      ajvStandaloneBytes: Buffer.byteLength(standaloneSource),
      ajvStandaloneGzipBytes: gzipSync(standaloneSource).length,
      setupMs: timed.setupMs(form),
      cases,
      catches: compareCatches(form.mistakes, flagged),
    };
    results.push(result);
    figures.push(...cases.flatMap((c) => caseFigures(form.key, c)));
  }

  let web: WebPeerResult[] | null = null;
  if (process.argv.includes('--web')) {
    const { measureWebPeers } = await import('./peers-web');
    web = await measureWebPeers();
    figures.push(...webFigures(web));
  }

  mkdirSync('bench/results', { recursive: true });
  const round = (n: number) => Number(n.toFixed(3));
  const out = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    loop: LOOP,
    baseline: 'engine (server call)',
    forms: results.map((r) => ({
      ...r,
      cases: r.cases.map((c) => ({
        ...c,
        validators: c.validators.map((v) => ({
          ...v,
          ratioToEngine: round(v.ratioToEngine),
          median: Math.round(v.median),
          min: Math.round(v.min),
          max: Math.round(v.max),
          spreadPct: Number(v.spreadPct.toFixed(1)),
        })),
      })),
    })),
    web,
  };
  writeFileSync(OUT, JSON.stringify(out, null, 2) + '\n');
  console.log(formatTable(figures));
  for (const r of results) {
    console.log(
      `\n${r.form}: ${r.fields} fields; JSON Schema ${fmt(r.jsonSchemaBytes)} B; ajv standalone module ${fmt(r.ajvStandaloneBytes)} B (${fmt(r.ajvStandaloneGzipBytes)} B gzip).`,
    );
    console.log(
      `  setup, once per form: ${Object.entries(r.setupMs)
        .map(([k, ms]) => `${k} ${ms} ms`)
        .join('; ')}`,
    );
    console.log(`  Invalid sample, what each flags:`);
    console.log(catchTable(r.catches));
  }
  console.log(`\nWritten to ${OUT}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

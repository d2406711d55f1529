#!/usr/bin/env node
/**
 * Runs test projects again and again, each run with a fresh TEST_SEED, and reports every failure
 * with the seed that reproduces it: the way to find a flaky test before it fails someone's CI.
 *
 *   npm run test:repeat -- --runs 20                       # engine + worker projects, 20 runs
 *   npm run test:repeat -- --runs 10 --load 2 worker/routes/access-matrix.test.ts worker/lifecycle/races.test.ts
 *
 * --load N keeps N busy processes spinning beside the tests, so timing-dependent tests meet a loaded
 * machine. Needs `npm run build` once (the worker tests serve dist/web). Exits 1 when any run failed.
 */
import { spawn, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  if (i < 0) return fallback;
  const [value] = args.splice(i, 2).slice(1);
  return value;
};
const runs = Number(option('--runs', '20'));
const load = Number(option('--load', '0'));
const projects = option('--projects', 'engine,worker').split(',');
const files = args;

if (process.argv[2] === '--spin') {
  for (;;) Math.sqrt(Math.random());
}

const spinners = Array.from({ length: load }, () => fork(fileURLToPath(import.meta.url), ['--spin'], { stdio: 'ignore' }));
const stopSpinners = () => spinners.forEach((s) => s.kill('SIGKILL'));
process.on('exit', stopSpinners);

function once(seed) {
  return new Promise((resolve) => {
    const vitestArgs = ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), ...files];
    const child = spawn('npx', vitestArgs, {
      env: { ...process.env, TEST_SEED: String(seed), FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (b) => {
      out += b;
    });
    child.stderr.on('data', (b) => {
      out += b;
    });
    child.on('exit', (code) => resolve({ code, out }));
  });
}

mkdirSync('.tmp', { recursive: true });
const summary = [];
for (let run = 1; run <= runs; run++) {
  const seed = Math.floor(Math.random() * 0x1_0000_0000);
  const started = Date.now();
  const { code, out } = await once(seed);
  const seconds = Math.round((Date.now() - started) / 1000);
  const failed = [...out.matchAll(/^ *(?:FAIL|×) +(.+)$/gm)].map((m) => m.at(1).trim());
  const totals =
    out
      .match(/Tests +(.+)$/m)
      ?.at(1)
      .trim() ?? 'no totals';
  summary.push({ run, seed, code, seconds, totals, failed: [...new Set(failed)] });
  if (code !== 0) writeFileSync(`.tmp/repeat-run-${run}-seed-${seed}.log`, out);
  console.log(`run ${run}/${runs} seed ${seed}: ${code === 0 ? 'passed' : 'FAILED'} in ${seconds} s (${totals})`);
  for (const name of summary.at(-1).failed) console.log(`  × ${name}`);
}
stopSpinners();
const bad = summary.filter((s) => s.code !== 0);
console.log(`\n${runs - bad.length} of ${runs} runs passed${load ? ` beside ${load} busy processes` : ''}.`);
for (const s of bad) console.log(`  run ${s.run}: TEST_SEED=${s.seed} (log in .tmp/repeat-run-${s.run}-seed-${s.seed}.log)`);
writeFileSync('.tmp/repeat-summary.json', JSON.stringify(summary, null, 2));
process.exit(bad.length ? 1 : 0);

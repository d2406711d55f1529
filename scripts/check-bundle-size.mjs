// Bundles the worker as `wrangler deploy` would (dry run, no account needed) and fails when the
// gzip size passes 1 MiB (big assets — fonts, the web app — belong in static assets or R2), or when
// the bundle holds bench code: the bench's routes and data generator ship only in its own worker.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { benchExportNames, benchMarkersIn } from './bundle-bench-markers.mjs';

const LIMIT = 1024 * 1024;
const outdir = '.tmp/bundle';
rmSync(outdir, { recursive: true, force: true });
execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], { stdio: ['ignore', 'ignore', 'inherit'] });

let raw = 0;
let gz = 0;
const benchNames = benchExportNames();
const benchFound = [];
for (const name of readdirSync(outdir)) {
  const file = join(outdir, name);
  if (!statSync(file).isFile() || name.endsWith('.map') || name === 'README.md') continue;
  const bytes = readFileSync(file);
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
  for (const marker of benchMarkersIn(bytes.toString('utf8'), benchNames)) benchFound.push(`${name}: ${marker}`);
}
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log(`worker bundle: ${kib(raw)} raw, ${kib(gz)} gzip (limit ${kib(LIMIT)} gzip)`);
let failed = false;
if (gz > LIMIT) {
  console.error('worker bundle exceeds 1 MiB gzip');
  failed = true;
}
if (benchFound.length > 0) {
  console.error(`worker bundle contains bench code (${benchFound.length} marker${benchFound.length === 1 ? '' : 's'}):`);
  for (const f of benchFound.slice(0, 20)) console.error('  ' + f);
  console.error('Bench routes and their data belong to bench/worker/ and its own entry (bench/worker/index.ts);');
  console.error('nothing reachable from worker/index.ts may import them.');
  failed = true;
} else {
  console.log(`no bench code in the worker bundle (checked ${benchNames.length} bench names and the /api/bench routes)`);
}
if (failed) process.exit(1);

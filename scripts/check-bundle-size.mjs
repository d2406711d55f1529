// Bundles the worker as `wrangler deploy` would (dry run, no account needed) and fails when the
// gzip size passes 1 MiB: big assets (fonts, the web app) belong in static assets or R2.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const LIMIT = 1024 * 1024;
const outdir = '.tmp/bundle';
rmSync(outdir, { recursive: true, force: true });
execFileSync('npx', ['wrangler', 'deploy', '--dry-run', '--outdir', outdir], { stdio: ['ignore', 'ignore', 'inherit'] });

let raw = 0;
let gz = 0;
for (const name of readdirSync(outdir)) {
  const file = join(outdir, name);
  if (!statSync(file).isFile() || name.endsWith('.map') || name === 'README.md') continue;
  const bytes = readFileSync(file);
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}
const kib = (n) => (n / 1024).toFixed(1) + ' KiB';
console.log(`worker bundle: ${kib(raw)} raw, ${kib(gz)} gzip (limit ${kib(LIMIT)} gzip)`);
if (gz > LIMIT) {
  console.error('worker bundle exceeds 1 MiB gzip');
  process.exit(1);
}

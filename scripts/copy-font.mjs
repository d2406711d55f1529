// Copies the CJK font the agreement PDF embeds into web/public/fonts/, so `vite build` puts it in
// dist/web/fonts/ and the worker reads it through the ASSETS binding. The font (8 MB) must never be
// imported by worker code: the worker bundle has to stay under 1 MiB gzip.
// Idempotent: an up-to-date copy (same size and not older) is left alone.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FONT = 'NotoSansHans-Regular.otf';
const root = fileURLToPath(new URL('..', import.meta.url));
// The package exports only its JS entry, so find the package folder from that entry (dist/…).
const entry = createRequire(join(root, 'package.json')).resolve('@embedpdf/fonts-sc');
const source = join(dirname(dirname(entry)), 'fonts', FONT);
const targetDir = join(root, 'web', 'public', 'fonts');
const target = join(targetDir, FONT);

const from = statSync(source);
let upToDate = false;
try {
  const to = statSync(target);
  upToDate = to.size === from.size && to.mtimeMs >= from.mtimeMs;
} catch {
  // no copy yet
}
if (upToDate) {
  console.log(`font: ${target} is up to date`);
} else {
  mkdirSync(targetDir, { recursive: true });
  copyFileSync(source, target);
  console.log(`font: copied ${FONT} (${(from.size / 1048576).toFixed(1)} MiB) to ${targetDir}`);
}

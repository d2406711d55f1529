// Copies the CJK font the agreement PDF embeds into web/public/fonts/agreement-cjk.font, so `vite
// build` puts it in dist/web/fonts/ and the worker reads it through the ASSETS binding. The font
// (8–10 MB) must never be imported by worker code: the worker bundle has to stay under 1 MiB gzip.
//
// TrueType outlines subset several times faster than CFF in workerd (the agreement PDF's main
// cost), so Noto Sans SC with TrueType outlines (@expo-google-fonts/noto-sans-sc) is preferred
// when installed; otherwise Noto Sans Hans with CFF outlines (@embedpdf/fonts-sc). Both are OFL-1.1
// and cover the rare name characters (堃喆昇婧).
// Idempotent: an up-to-date copy (same size and not older) is left alone.
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(join(root, 'package.json'));

// Each package exports only its JS entry, so find the package folder from that entry.
const CANDIDATES = [
  { pkg: '@expo-google-fonts/noto-sans-sc', file: (entry) => join(dirname(entry), '400Regular', 'NotoSansSC_400Regular.ttf') },
  { pkg: '@embedpdf/fonts-sc', file: (entry) => join(dirname(dirname(entry)), 'fonts', 'NotoSansHans-Regular.otf') },
];

function findFont() {
  for (const { pkg, file } of CANDIDATES) {
    try {
      const path = file(require.resolve(pkg));
      statSync(path);
      return path;
    } catch {
      // not installed: try the next
    }
  }
  throw new Error('no CJK font package installed for the agreement PDF (npm install)');
}

const source = findFont();
const targetDir = join(root, 'web', 'public', 'fonts');
const target = join(targetDir, 'agreement-cjk.font');

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
  console.log(`font: copied ${source.split('/').slice(-1)[0]} (${(from.size / 1048576).toFixed(1)} MiB) to ${target}`);
}

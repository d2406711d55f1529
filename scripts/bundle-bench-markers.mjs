// What gives bench code away in a worker bundle (scripts/check-bundle-size.mjs). The bench's routes
// and data generator live in bench/worker/ and reach workerd only through the bench's own entry;
// the deployable bundle must hold none of them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The names bench/worker/*.ts exports that say bench (or its floors) — its routes, generator and inserts. */
export function benchExportNames(dir = 'bench/worker') {
  const names = new Set();
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = readFileSync(join(dir, file), 'utf8');
    for (const m of source.matchAll(/^export (?:async )?(?:function|const|let|class) (\w+)/gm)) {
      if (/bench|floor|proposed/i.test(m[1])) names.add(m[1]);
    }
  }
  return [...names].sort();
}

/**
 * Every sign of bench code in `code` (a bundle as esbuild writes it, unminified): the bench's route
 * prefix, its flag and error code, a bundled module whose path names the bench, or one of `names`
 * (esbuild may suffix a renamed binding with a digit). An empty list means none.
 */
export function benchMarkersIn(code, names = []) {
  const found = [];
  for (const text of ['/api/bench', 'BENCH_MODE', 'bad_bench_request']) {
    if (code.includes(text)) found.push(`"${text}"`);
  }
  for (const m of code.matchAll(/^\/\/ (\S*bench\S*)$/gim)) found.push(`module ${m[1]}`);
  for (const name of names) {
    if (new RegExp(`\\b${name}\\d*\\b`).test(code)) found.push(`identifier ${name}`);
  }
  return [...new Set(found)];
}

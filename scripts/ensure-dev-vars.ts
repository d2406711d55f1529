/**
 * Makes sure a local `.dev.vars` exists with what `wrangler dev` needs that is not a var: a random
 * SESSION_SECRET of this checkout and ENVIRONMENT=development. Never overwrites a value that is
 * already there, so sessions survive restarts. `.dev.vars` is git-ignored.
 *
 * Usage: tsx scripts/ensure-dev-vars.ts [DIR]   (DIR: where the wrangler config is; default `.`)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HEADER = '# Local development only (git-ignored), written by scripts/ensure-dev-vars.ts.\n';

/** Writes or completes DIR/.dev.vars; returns the names it added. */
export function ensureDevVars(dir = '.'): string[] {
  const path = join(dir, '.dev.vars');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const has = (name: string) => new RegExp(`^\\s*${name}\\s*=`, 'm').test(existing);
  const wanted: Array<[string, () => string]> = [
    ['ENVIRONMENT', () => 'development'],
    ['SESSION_SECRET', () => randomBytes(32).toString('hex')],
  ];
  const added = wanted.filter(([name]) => !has(name));
  if (added.length === 0) return [];
  const lines = added.map(([name, value]) => `${name}=${value()}\n`).join('');
  const prefix = existing === '' ? HEADER : existing.endsWith('\n') ? existing : existing + '\n';
  writeFileSync(path, prefix + lines, { mode: 0o600 });
  return added.map(([name]) => name);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const added = ensureDevVars(process.argv[2] ?? '.');
  if (added.length > 0) console.log(`.dev.vars: wrote ${added.join(', ')}`);
}

/**
 * Makes sure a local `.dev.vars` exists with what `wrangler dev` needs that is not a var: a random
 * SESSION_SECRET of this checkout, ENVIRONMENT=development, and a self-signed key and certificate
 * for signing agreement PDFs (PDF_SIGNING_KEY, PDF_SIGNING_CERT; docs/security.md). Never
 * overwrites a value that is already there, so sessions survive restarts and PDFs keep one signer.
 * `.dev.vars` is git-ignored.
 *
 * Usage: tsx scripts/ensure-dev-vars.ts [DIR]   (DIR: where the wrangler config is; default `.`)
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPdfSigningPair, type PdfSigningPair } from './pdf-signing-pair';

const HEADER = '# Local development only (git-ignored), written by scripts/ensure-dev-vars.ts.\n';

/** A PEM as one double-quoted dotenv value: wrangler turns each \n back into a line break. */
const quotedPem = (pem: string) => `"${pem.trim().replace(/\n/g, '\\n')}\\n"`;

/** Writes or completes DIR/.dev.vars; returns the names it added. */
export function ensureDevVars(dir = '.'): string[] {
  const path = join(dir, '.dev.vars');
  const existing = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const has = (name: string) => new RegExp(`^\\s*${name}\\s*=`, 'm').test(existing);
  let pair: PdfSigningPair | undefined;
  const signingPair = () => (pair ??= createPdfSigningPair());
  const wanted: Array<[string, () => string]> = [
    ['ENVIRONMENT', () => 'development'],
    ['SESSION_SECRET', () => randomBytes(32).toString('hex')],
  ];
  // key and certificate belong together: a lone one is left to its owner rather than paired with a stranger
  if (!has('PDF_SIGNING_KEY') && !has('PDF_SIGNING_CERT')) {
    wanted.push(['PDF_SIGNING_KEY', () => quotedPem(signingPair().keyPem)], ['PDF_SIGNING_CERT', () => quotedPem(signingPair().certPem)]);
  }
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

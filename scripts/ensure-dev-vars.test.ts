import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkRequiredSecrets } from '../worker/config/required-secrets';
import { loadSigner } from '../worker/domain/pdf-signature/pdf-signer';
import { ensureDevVars } from './ensure-dev-vars';

/** .dev.vars as wrangler reads it: NAME=value lines, # comments. */
function parse(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .split('\n')
      .filter((l) => /^\w+=/.test(l))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** A double-quoted dotenv value as wrangler hands it to the worker: \n becomes a line break. */
const unquote = (value = '') => (value.startsWith('"') ? value.slice(1, -1).replace(/\\n/g, '\n') : value);

const dirs: string[] = [];
function freshDir() {
  const dir = mkdtempSync(join(tmpdir(), 'dev-vars-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('npm start writes a local .dev.vars', () => {
  it('a fresh checkout gets a random 32-byte session key and development mode, readable by its owner only', () => {
    const dir = freshDir();
    expect(ensureDevVars(dir)).toEqual(['ENVIRONMENT', 'SESSION_SECRET', 'PDF_SIGNING_KEY', 'PDF_SIGNING_CERT']);
    const vars = parse(readFileSync(join(dir, '.dev.vars'), 'utf8'));
    expect(vars.ENVIRONMENT).toBe('development');
    expect(vars.SESSION_SECRET).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(join(dir, '.dev.vars')).mode & 0o077).toBe(0);
    // the worker accepts it, and would accept it in production too: it is long and never published
    expect(checkRequiredSecrets(vars)).toEqual({ ok: true });
    expect(checkRequiredSecrets({ ...vars, ENVIRONMENT: 'production' })).toEqual({ ok: true });
  });

  it('two checkouts get different keys, and a second start keeps the first key (sessions survive restarts)', () => {
    const a = freshDir();
    const b = freshDir();
    ensureDevVars(a);
    ensureDevVars(b);
    const first = readFileSync(join(a, '.dev.vars'), 'utf8');
    expect(parse(first).SESSION_SECRET).not.toBe(parse(readFileSync(join(b, '.dev.vars'), 'utf8')).SESSION_SECRET);
    expect(ensureDevVars(a)).toEqual([]);
    expect(readFileSync(join(a, '.dev.vars'), 'utf8')).toBe(first);
  });

  it('a developer’s own .dev.vars is completed, never rewritten', () => {
    const dir = freshDir();
    writeFileSync(join(dir, '.dev.vars'), 'ENVIRONMENT=development\nMY_OWN=1');
    expect(ensureDevVars(dir)).toEqual(['SESSION_SECRET', 'PDF_SIGNING_KEY', 'PDF_SIGNING_CERT']);
    const text = readFileSync(join(dir, '.dev.vars'), 'utf8');
    expect(text.startsWith('ENVIRONMENT=development\nMY_OWN=1\nSESSION_SECRET=')).toBe(true);
  });

  it('a fresh checkout signs agreement PDFs with a self-signed pair of its own, kept across starts', async () => {
    const dir = freshDir();
    ensureDevVars(dir);
    const first = readFileSync(join(dir, '.dev.vars'), 'utf8');
    const vars = parse(first);
    const signer = await loadSigner(unquote(vars.PDF_SIGNING_KEY), unquote(vars.PDF_SIGNING_CERT));
    expect(signer.certificate.commonName).toBe('网签平台（本地开发）');
    expect(ensureDevVars(dir)).toEqual([]);
    expect(readFileSync(join(dir, '.dev.vars'), 'utf8')).toBe(first);
  });

  it('a lone PDF_SIGNING_KEY of the developer’s is not paired with a certificate of another key', () => {
    const dir = freshDir();
    writeFileSync(join(dir, '.dev.vars'), 'PDF_SIGNING_KEY="mine"\n');
    expect(ensureDevVars(dir)).toEqual(['ENVIRONMENT', 'SESSION_SECRET']);
    expect(parse(readFileSync(join(dir, '.dev.vars'), 'utf8')).PDF_SIGNING_CERT).toBeUndefined();
  });
});

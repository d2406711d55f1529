import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';
import { createPdfSigningPair } from './scripts/pdf-signing-pair';
import { hashPassword } from './worker/auth/password';
import { DEMO_PASSWORD } from './worker/db/seed/demo';
import { parseSeed } from './test/seed';
import { SeedReporter } from './test/seed-reporter';

/**
 * One seed for every random choice of the run (fixtures, fast-check, browser test data): taken from
 * TEST_SEED when set, else drawn now; every project reads it as TEST_SEED (the worker project from its
 * binding, which workerd exposes as process.env), and the reporter prints it.
 */
function runSeed(): number {
  const given = process.env.TEST_SEED;
  if (given !== undefined && given !== '') {
    const seed = parseSeed(given);
    if (seed === null) throw new Error(`TEST_SEED must be an integer from 0 to 4294967295, not "${given}"`);
    return seed;
  }
  return Math.floor(Math.random() * 0x1_0000_0000);
}

/**
 * Four projects:
 *  - engine: the shared form engine, the web app's pure logic and the worker's *.node.test.ts, in Node;
 *  - web: the web app's components (*.test.tsx) rendered in happy-dom with Testing Library;
 *  - worker: the API inside workerd with real local D1 and R2 (migrations applied in setup);
 *  - browser: the built app served by `wrangler dev`, driven by Debian's Chromium.
 */
export default defineConfig(async () => {
  const migrations = await readD1Migrations('./migrations');
  // Hashed once here rather than in every test file's setup: PBKDF2 is slow on purpose.
  const demoPasswordHash = await hashPassword(DEMO_PASSWORD);
  const seed = runSeed();
  process.env.TEST_SEED = String(seed);
  // the agreement PDF's signing key and certificate of this run (docs/security.md), like SESSION_SECRET
  const pdfSigning = createPdfSigningPair({ commonName: '网签平台（测试）' });
  return {
    test: {
      reporters: ['default', new SeedReporter(seed)],
      projects: [
        {
          test: {
            name: 'engine',
            environment: 'node',
            include: [
              'forms/**/*.test.ts',
              'contract/**/*.test.ts',
              'web/src/**/*.test.ts',
              'scripts/**/*.test.ts',
              'worker/**/*.node.test.ts',
              'bench/*.test.ts',
            ],
            setupFiles: ['./test/seed-setup.ts'],
          },
        },
        {
          test: {
            name: 'web',
            environment: 'happy-dom',
            include: ['web/src/**/*.test.tsx'],
            setupFiles: ['./test/seed-setup.ts', './test/web-setup.ts'],
          },
        },
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.toml' },
              miniflare: {
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  TEST_DEMO_PASSWORD_HASH: demoPasswordHash,
                  TEST_SEED: String(seed),
                  // the roster fixtures (test/fixtures/), base64: a worker test has no file system
                  TEST_ROSTER_CSV: readFileSync('./test/fixtures/roster-as-typed.csv').toString('base64'),
                  TEST_ROSTER_XLSX: readFileSync('./test/fixtures/roster-as-typed.xlsx').toString('base64'),
                  // production rules, with a session key of this run (a developer's .dev.vars never leaks in)
                  ENVIRONMENT: 'production',
                  SESSION_SECRET: randomBytes(32).toString('hex'),
                  PDF_SIGNING_KEY: pdfSigning.keyPem,
                  PDF_SIGNING_CERT: pdfSigning.certPem,
                  // e-mail/SMS wait for the sweep, so the local queue's consumer never races a test's reading
                  // of the outbox (enqueue-notified.test.ts calls the request's path with it on)
                  NOTIFY_FROM_REQUEST: 'off',
                },
              },
            }),
          ],
          test: {
            name: 'worker',
            // bench/worker: the bench's own routes, tested through the bench's app (not the deployed entry)
            include: ['worker/**/*.test.ts', 'bench/worker/**/*.test.ts'],
            // *.node.test.ts: pure code checked in Node with libraries that do not run in workerd (exceljs)
            exclude: ['worker/**/*.node.test.ts'],
            setupFiles: ['./test/seed-setup.ts', './worker/test/setup.ts'],
            // A test here walks a whole chain (import → sign → review → dispatch) against real D1 in
            // workerd; beside the browser project on two busy cores one took 6.4 s. Speed is the
            // bench's business (docs/performance.md), so a slow machine must not fail a test.
            testTimeout: 30_000,
          },
        },
        {
          test: {
            name: 'browser',
            environment: 'node',
            include: ['test/browser/**/*.test.ts'],
            globalSetup: ['./test/browser/global-setup.ts'],
            fileParallelism: false,
            // a loaded CI machine can take a few seconds to render a page
            expect: { poll: { timeout: 15_000, interval: 100 } },
            testTimeout: 60_000,
            hookTimeout: 60_000,
          },
        },
      ],
    },
  };
});

/**
 * Seeds the local D1 database with the demo data (idempotent), through wrangler so the same
 * SQLite file `wrangler dev` uses is written, and puts the demo's one upload (student3's
 * 录取通知书) into the local R2 bucket the same way. `--persist-to DIR` seeds another local state dir.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hashPassword } from '../worker/auth/password';
import { demoSeed, toSqlScript } from '../worker/db/seed/demo';
import { SAMPLE_ADMISSION_LETTER as letter } from '../worker/db/seed/sample-admission-letter';

const persistAt = process.argv.indexOf('--persist-to');
const persistTo = persistAt > 0 ? process.argv[persistAt + 1] : undefined;
if (persistAt > 0 && persistTo === undefined) throw new Error('--persist-to needs a directory');
const persist = persistTo === undefined ? [] : ['--persist-to', persistTo];
const file = '.tmp/seed.sql';
mkdirSync('.tmp', { recursive: true });
writeFileSync(file, toSqlScript(await demoSeed(hashPassword)));
execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', ...persist, '--file', file], { stdio: ['ignore', 'ignore', 'inherit'] });
// the bytes behind the seeded files row (same key, type and digest), so the demo record's evidence opens
const letterFile = '.tmp/demo-admission-letter.png';
writeFileSync(letterFile, Buffer.from(letter.base64, 'base64'));
execFileSync(
  'npx',
  [
    'wrangler',
    'r2',
    'object',
    'put',
    `wangqian-files/${letter.objectKey}`,
    '--local',
    ...persist,
    '--file',
    letterFile,
    '--content-type',
    letter.contentType,
  ],
  { stdio: ['ignore', 'ignore', 'inherit'] },
);
console.log('演示数据已就绪：admin / province / center / school / college / employer / student，密码均为 demo1234');

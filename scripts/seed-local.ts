/**
 * Seeds the local D1 database with the demo data (idempotent), through wrangler so the same
 * SQLite file `wrangler dev` uses is written. `--persist-to DIR` seeds another local state dir.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { hashPassword } from '../worker/auth/password';
import { demoSeed, toSqlScript } from '../worker/db/seed/demo';

const persistAt = process.argv.indexOf('--persist-to');
const persist = persistAt > 0 ? ['--persist-to', process.argv[persistAt + 1]] : [];
const file = '.tmp/seed.sql';
mkdirSync('.tmp', { recursive: true });
writeFileSync(file, toSqlScript(await demoSeed(hashPassword)));
execFileSync('npx', ['wrangler', 'd1', 'execute', 'DB', '--local', ...persist, '--file', file], { stdio: ['ignore', 'ignore', 'inherit'] });
console.log('演示数据已就绪：admin / province / center / school / college / employer / student，密码均为 demo1234');

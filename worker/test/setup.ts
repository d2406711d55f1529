import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { demoSeed } from '../db/seed/demo';

// Migrations are idempotent and the seed is INSERT OR IGNORE, so every test file may run this.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
const statements = await demoSeed(() => Promise.resolve(env.TEST_DEMO_PASSWORD_HASH));
await env.DB.batch(statements.map((s) => env.DB.prepare(s.sql).bind(...s.params)));

/**
 * Starts the real app for browser tests: the built web app and the worker under `wrangler dev`,
 * with a fresh local D1/R2 state directory, migrated and seeded — exactly what `npm start` serves.
 */
import { rmSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { applyMigrations, seed, startServer } from './local-server';

// One directory per run, so two runs on one machine never share a database.
const STATE = `.tmp/browser-state-${process.pid}`;

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    /** where the shared `wrangler dev` writes what it prints */
    serverLog: string;
  }
}

export default async function setup(project: TestProject) {
  rmSync(STATE, { recursive: true, force: true });
  applyMigrations(STATE);
  seed(STATE);
  const server = await startServer(STATE);
  project.provide('baseUrl', server.baseUrl);
  project.provide('serverLog', server.log);
  return async () => {
    await server.stop();
    rmSync(STATE, { recursive: true, force: true });
    rmSync(server.log, { force: true });
  };
}

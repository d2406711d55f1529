/**
 * The bench's worker entry (bundled by bench/server.ts with a wrangler.toml of its own): the
 * production worker — its scheduled sweeps included — with the bench routes in front of its app.
 */
import production from '../../worker/index';
import { benchApp } from './app';

export default {
  ...production,
  fetch: benchApp.fetch,
} satisfies ExportedHandler<Env>;

/**
 * The bench's server process: the bundled worker in workerd through wrangler's own dev pipeline
 * (`unstable_startWorker`, what `wrangler dev` runs), with the DevTools inspector off.
 *
 * Why not `wrangler dev` itself: it always attaches an inspector to the worker with the Network
 * domain enabled, and relays every event — one per D1 query, with the query's whole response
 * body — to the wrangler process, which writes each one to its debug log file. Measured here, that
 * cost 2 ms of CPU per D1 round trip on top of the request, grew with the size of the answer, and
 * filled ~/.config/.wrangler/logs by a gigabyte in an evening of benchmarks. Production has no
 * inspector, so the bench measures without it.
 *
 * Usage: tsx bench/worker-process.ts <wrangler.toml> <persist dir> <port>; prints "ready <url>".
 */
import { unstable_startWorker } from 'wrangler';

const [config, persist, port] = process.argv.slice(2);
if (!config || !persist || !port) throw new Error('usage: worker-process <config> <persist dir> <port>');

const worker = await unstable_startWorker({
  config,
  dev: {
    inspector: false,
    remote: false,
    watch: false,
    liveReload: false,
    persist,
    logLevel: 'warn',
    server: { hostname: '127.0.0.1', port: Number(port) },
  },
});
await worker.ready;
console.log(`ready ${(await worker.url).href}`);

const stop = async () => {
  await worker.dispose().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

/**
 * `npm run bench:import [-- --rows N]`: the source-record import figure of `npm run bench` on its
 * own — N rows (default 100,000) in files of 20,000 as the bench school, then the import's floor
 * (its four inserts of 20,000 rows with nothing parsed, validated or hashed) — on a fresh local
 * D1 without the 100,000 generated students. Prints rows/s, the floor and their ratio.
 */
import { execFileSync } from 'node:child_process';
import { benchRosterCsv } from './worker/bench-data';
import { Caller } from './http';
import { freshState, startServer } from './server';

const i = process.argv.indexOf('--rows');
const ROWS = Number(i > 0 ? process.argv[i + 1] : 100_000);
const PER_FILE = 20_000;
const COHORT = 2027;
const FIRST = 200_000;
const seconds = (since: number) => (performance.now() - since) / 1000;

async function main() {
  const state = freshState();
  const server = await startServer(state);
  try {
    const bench = new Caller(server.baseUrl);
    await bench.json('POST', '/api/bench/organisations', { students: 1_000 });
    const school = await Caller.signIn(server.baseUrl, 'bench-school');
    let importSeconds = 0;
    const fileSeconds: number[] = [];
    for (let first = 0; first < ROWS; first += PER_FILE) {
      const n = Math.min(PER_FILE, ROWS - first);
      const form = new FormData();
      form.append('file', new Blob([benchRosterCsv(FIRST + first, n, COHORT)], { type: 'text/csv' }), 'roster.csv');
      const t0 = performance.now();
      const res = await fetch(server.baseUrl + '/api/source-records/import', { method: 'POST', headers: school.headers(), body: form });
      const imported = (await res.json()) as { created?: number };
      const took = seconds(t0);
      fileSeconds.push(took);
      importSeconds += took;
      if (!res.ok || imported.created !== n)
        throw new Error(`import: ${res.status} created ${imported.created} of ${n}; ${JSON.stringify(imported).slice(0, 300)}`);
    }
    const floorRows = Math.min(PER_FILE, ROWS);
    const tf = performance.now();
    await bench.json('POST', '/api/bench/import-floor', { first: FIRST + ROWS, count: floorRows, cohortYear: COHORT });
    const floor = floorRows / seconds(tf);
    const rate = ROWS / importSeconds;
    console.log(
      JSON.stringify({
        rows: ROWS,
        importRowsPerSecond: Math.round(rate),
        files: fileSeconds.map((t) => Number(t.toFixed(1))),
        floorRowsPerSecond: Math.round(floor),
        ratioToFloor: Number((rate / floor).toFixed(3)),
      }),
    );
  } finally {
    await server.stop();
    execFileSync('rm', ['-rf', state.dir]);
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * The cost of an admin-published form: for each kind of worst definition the checker accepts
 * (forms/engine/test/cost-fixtures.ts, just under MAX_VALIDATION_WORK), the CPU time to parse and
 * validate the largest registration body the API accepts (MAX_JSON_BYTES), against the 50 ms
 * target. `npm run bench:form-cost` runs it alone (seconds, no server) and writes
 * bench/results/form-cost.json; `npm run bench` includes the same figures.
 *
 * The engine is bundled with esbuild as wrangler bundles the worker (keep_names = false in
 * wrangler.toml): tsx keeps function names, which costs a defineProperty per closure and would
 * time a slower engine than the one deployed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { MAX_JSON_BYTES } from '../worker/http/body';
import { atMost, formatTable, median, summary, type Figure } from './figures';

type Engine = typeof import('./form-cost-engine');

/** CPU milliseconds the target allows one validation. */
export const TARGET_MS = 50;
const WARMUP = 5;
const RUNS = 30;

async function loadEngine(): Promise<Engine> {
  const dir = mkdtempSync(join(tmpdir(), 'wq-form-cost-'));
  try {
    const outfile = join(dir, 'engine.mjs');
    await build({
      entryPoints: [new URL('./form-cost-engine.ts', import.meta.url).pathname],
      bundle: true,
      format: 'esm',
      platform: 'neutral',
      target: 'es2022',
      keepNames: false,
      outfile,
      logLevel: 'error',
    });
    return (await import(pathToFileURL(outfile).href)) as Engine;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function cpuMs(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
}

export interface FormCostRun {
  kind: string;
  work: number;
  ruleNodesEvaluated: number;
  rows: number;
  ruleFields: number;
  subFields: number;
  bodyBytes: number;
  samplesMs: number[];
}

/** Times every kind; throws if the checker refuses a definition the fixtures call acceptable. */
export async function measureFormCost(): Promise<{ figures: Figure[]; runs: FormCostRun[] }> {
  const engine = await loadEngine();
  const figures: Figure[] = [];
  const runs: FormCostRun[] = [];
  for (const kind of engine.COST_KINDS) {
    const def = engine.worstDefinition(kind);
    const problems = engine.checkDefinition(def);
    if (problems.length > 0)
      throw new Error(`form-cost: the checker refuses the worst '${kind}' definition: ${JSON.stringify(problems[0])}`);
    const text = JSON.stringify(engine.largestRegistration(def, kind, MAX_JSON_BYTES));
    const bodyBytes = Buffer.byteLength(text, 'utf8');
    if (bodyBytes > MAX_JSON_BYTES) throw new Error(`form-cost: body of ${bodyBytes} bytes is over the API limit`);
    const group = def.steps[0]?.sections[0]?.rows[2]?.[0];
    if (!group) throw new Error(`form-cost: the worst '${kind}' definition has no field at step 1, section 1, row 3`);
    const samplesMs: number[] = [];
    let evaluated = 0;
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const visits = engine.ruleNodeVisits();
      const start = process.cpuUsage();
      // what POST /api/employers does with the body: parse it, validate its data
      const body = JSON.parse(text) as { data: unknown };
      const result = engine.validate(def, body.data, { role: 'employer', step: 'register' });
      const ms = cpuMs(start);
      evaluated = engine.ruleNodeVisits() - visits;
      if (!result.ok) throw new Error(`form-cost: the largest '${kind}' body was refused: ${JSON.stringify(result.errors.slice(0, 2))}`);
      if (i >= WARMUP) samplesMs.push(ms);
    }
    const work = engine.validationWork(def).total;
    const run: FormCostRun = {
      kind,
      work,
      ruleNodesEvaluated: evaluated,
      rows: group.maxItems ?? 0,
      ruleFields: (group.fields ?? []).filter((f) => f.visibleWhen !== undefined).length,
      subFields: (group.fields ?? []).length,
      bodyBytes,
      samplesMs,
    };
    runs.push(run);
    const sorted = [...samplesMs].sort((a, b) => a - b);
    const m = median(samplesMs);
    figures.push(
      atMost(
        `form validation CPU, worst accepted definition ('${kind}'), largest body, median`,
        m,
        'ms',
        TARGET_MS,
        `${(m / TARGET_MS).toFixed(2)}× target; p90 ${(sorted[Math.floor(sorted.length * 0.9)] ?? NaN).toFixed(1)} ms, max ${(sorted.at(-1) ?? NaN).toFixed(1)} ms over ${RUNS}; ` +
          `${work.toLocaleString('en-US')} of ${engine.MAX_VALIDATION_WORK.toLocaleString('en-US')} steps, ${evaluated.toLocaleString('en-US')} rule nodes evaluated; ` +
          `${run.rows} rows × ${run.subFields} sub-fields (${run.ruleFields} with a rule); body ${(bodyBytes / 1024).toFixed(0)} KiB`,
      ),
    );
  }
  return { figures, runs };
}

async function main() {
  const { figures, runs } = await measureFormCost();
  const result = {
    generatedAt: new Date().toISOString(),
    node: process.version,
    targetMs: TARGET_MS,
    figures,
    runs: runs.map(({ samplesMs, ...r }) => ({ ...r, samplesMs: samplesMs.map((x) => Number(x.toFixed(2))) })),
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/form-cost.json', JSON.stringify(result, null, 2) + '\n');
  console.log(formatTable(figures));
  const { met, missed } = summary(figures);
  console.log(`\n${met} targets met${missed.length ? `, missed: ${missed.join('; ')}` : ''}. Written to bench/results/form-cost.json`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();

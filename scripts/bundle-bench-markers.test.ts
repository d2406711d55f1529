import { describe, expect, it } from 'vitest';
import { benchExportNames, benchMarkersIn } from './bundle-bench-markers.mjs';

// shaped as esbuild writes the unminified worker bundle: one `// <path>` line before each module
const production = [
  '// worker/routes/health.ts',
  'var healthRoutes = new Hono().get("/health", (c) => c.json({ ok: true }));',
  '// worker/app.ts',
  'var app = new Hono().route("/api", api);',
].join('\n');

describe('the deployable bundle holds no bench code (npm run check:bundle)', () => {
  it("the names it looks for are the bench worker's own: its routes, generator and floors", () => {
    const names = benchExportNames();
    expect(names).toEqual(
      expect.arrayContaining(['benchApp', 'benchRoutes', 'benchRows', 'insertBenchRows', 'insertImportFloorRows', 'transitionFloor']),
    );
    // generic helpers of the generator (placement) are left out: a production module may well use such a name
    expect(names).not.toContain('placement');
  });

  it('a production bundle passes', () => {
    expect(benchMarkersIn(production, benchExportNames())).toEqual([]);
  });

  it('the bench routes mounted in the app, a bench module, or one bench function inlined each fail it, named', () => {
    expect(benchMarkersIn(production.replace('"/api"', '"/api/bench"'))).toEqual(['"/api/bench"']);
    expect(benchMarkersIn(`${production}\n// bench/worker/bench-data.ts\nvar W = [7, 9];`)).toEqual(['module bench/worker/bench-data.ts']);
    expect(benchMarkersIn(`${production}\n// worker/db/bench-data.ts`)).toEqual(['module worker/db/bench-data.ts']);
    expect(benchMarkersIn(`${production}\nfunction benchIdNumber2(i) { return i; }`, benchExportNames())).toEqual([
      'identifier benchIdNumber',
    ]);
    expect(benchMarkersIn(`${production}\nif (env.BENCH_MODE === "1") {}`)).toEqual(['"BENCH_MODE"']);
  });
});

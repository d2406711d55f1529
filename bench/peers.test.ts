import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { caughtCounts, compareCatches } from './peers/catches';
import { measureInterleaved, summarize } from './peers/measure';
import { PEER_FORMS } from './peers/samples';
import { subjectsFor } from './peers/subjects';
import { valibotFromSchema } from './peers/valibot-from-schema';

describe('the peer bench compares against validators that really validate', () => {
  for (const form of PEER_FORMS) {
    const { subjects } = subjectsFor(form);

    it(`${form.key}: every validator accepts the complete record and rejects the one with mistakes`, () => {
      expect(subjects.map((s) => s.name)).toEqual([
        'engine (server call)',
        'engine (whole record)',
        'ajv (compiled at startup)',
        'ajv (standalone, precompiled)',
        '@cfworker/json-schema',
        'valibot (derived from the JSON Schema)',
      ]);
      for (const s of subjects) {
        expect({ validator: s.name, flagged: s.flagged(form.valid) }).toEqual({ validator: s.name, flagged: [] });
        expect(s.flagged(form.invalid).length, s.name).toBeGreaterThan(0);
      }
    });

    it(`${form.key}: the JSON Schema peers catch the schema's rules, the engine also the rest`, () => {
      const flagged = Object.fromEntries(subjects.map((s) => [s.name, s.flagged(form.invalid)]));
      const report = compareCatches(form.mistakes, flagged);
      const inSchema = form.mistakes
        .filter((m) => m.inJsonSchema)
        .map((m) => m.field)
        .sort();
      for (const peer of subjects.map((s) => s.name).filter((n) => !n.startsWith('engine'))) {
        expect({ peer, flagged: flagged[peer] }).toEqual({ peer, flagged: inSchema });
      }
      expect(caughtCounts(report)['engine (whole record)']).toBe(form.mistakes.length);
      // the server leaves the student's own page, taken from the profile, unchecked: only those are missed
      const missedByServer = report.rows.filter((r) => r.flaggedBy['engine (server call)'] !== true).map((r) => r.field);
      expect(missedByServer.every((f) => form.fromProfile.includes(f))).toBe(true);
      expect(Object.values(report.unexplained).flat()).toEqual([]);
    });
  }
});

describe('the valibot schema derived from the JSON Schema', () => {
  it('refuses a keyword it cannot express rather than accepting more than the schema does', () => {
    expect(() => valibotFromSchema({ type: 'string', format: 'uri' })).toThrow(/format "uri"/);
    expect(() => valibotFromSchema({ type: 'object', properties: {}, additionalProperties: false })).toThrow(/additionalProperties/);
  });

  it('counts length in characters, as JSON Schema does', () => {
    const name = valibotFromSchema({ type: 'string', maxLength: 2 });
    expect(v.safeParse(name, '𠀀𠀀').success).toBe(true);
    expect(v.safeParse(name, '𠀀𠀀𠀀').success).toBe(false);
  });
});

describe('the bench loop and its arithmetic', () => {
  it('lists, per planted mistake, who flagged it, and what no mistake explains', () => {
    const report = compareCatches(
      [
        { field: 'a', what: '必填', inJsonSchema: true },
        { field: 'b', what: '校验位', inJsonSchema: false },
      ],
      { engine: ['a', 'b'], peer: ['a', 'c'] },
    );
    expect(report.rows.map((r) => r.flaggedBy)).toEqual([
      { engine: true, peer: true },
      { engine: true, peer: false },
    ]);
    expect(report.unexplained).toEqual({ engine: [], peer: ['c'] });
    expect(caughtCounts(report)).toEqual({ engine: 2, peer: 1 });
  });

  it('summarises samples by median and spread', () => {
    expect(summarize([90, 100, 110, 200])).toEqual({ median: 105, min: 90, max: 200, spreadPct: (110 / 105) * 100 });
  });

  it('times every subject in each sample', () => {
    let calls = 0;
    const timed = measureInterleaved(
      [
        { name: 'x', fn: () => ++calls },
        { name: 'y', fn: () => calls-- },
      ],
      { warmupMs: 1, samples: 3, sampleMs: 1 },
    );
    expect(timed.map((t) => [t.name, t.samples.length])).toEqual([
      ['x', 3],
      ['y', 3],
    ]);
    expect(timed.every((t) => t.samples.every((ops) => ops > 0))).toBe(true);
  });
});

/**
 * The validators the peer bench compares, each built once per form and then timed on the same
 * data: our engine (as the server calls it, and on the whole record), ajv compiled from the
 * engine's JSON Schema, ajv's standalone (precompiled) code for that schema, and
 * @cfworker/json-schema interpreting it. Every peer reports all errors, not just the first, as
 * the engine does.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Validator, type OutputUnit } from '@cfworker/json-schema';
import * as v from 'valibot';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import addFormats from 'ajv-formats';
import { formJsonSchema, type JsonSchema } from '../../forms/engine/json-schema';
import { median } from '../figures';
import type { FieldError } from '../../forms/engine/types';
import { validate } from '../../forms/engine/validate';
import type { PeerForm } from './samples';
import { valibotFields, valibotFromSchema } from './valibot-from-schema';
import { wholeRecordDefinition } from './whole-record';

export type Data = Record<string, unknown>;

export interface Subject {
  name: string;
  /** one validation of `data`, ready to time; returns the library's answer so nothing is optimised away */
  prepare(data: Data): () => unknown;
  /** the top-level fields this validator flags in `data`, sorted */
  flagged(data: Data): string[];
}

const unique = (keys: Iterable<string>) => [...new Set(keys)].filter((k) => k !== '').sort();

export function engineFields(errors: readonly FieldError[]): string[] {
  return unique(errors.map((e) => e.path.split('.', 1)[0] ?? ''));
}

export function ajvFields(errors: readonly ErrorObject[] | null | undefined): string[] {
  return unique(
    (errors ?? []).map((e) =>
      e.keyword === 'required' ? String((e.params as { missingProperty?: unknown }).missingProperty) : (e.instancePath.split('/')[1] ?? ''),
    ),
  );
}

/** cfworker reports a leaf error at '#/field' and a summary at '#' for it; a missing property only at '#'. */
export function cfworkerFields(errors: readonly OutputUnit[]): string[] {
  return unique(
    errors.map((e) => {
      if (e.keyword === 'required') return /"([^"]+)"/.exec(e.error)?.[1] ?? '';
      return e.instanceLocation.split('/')[1] ?? '';
    }),
  );
}

function engineAsServer(form: PeerForm): Subject {
  // the body carries what the writer types; the rest is the record's previous values (the student's profile)
  const split = (data: Data) => {
    const body: Data = {};
    const previous: Data = {};
    for (const [key, value] of Object.entries(data)) (form.fromProfile.includes(key) ? previous : body)[key] = value;
    return { body, ctx: { role: form.role, step: form.step, previous } };
  };
  return {
    name: 'engine (server call)',
    prepare(data) {
      const { body, ctx } = split(data);
      return () => validate(form.definition, body, ctx);
    },
    flagged(data) {
      const { body, ctx } = split(data);
      return engineFields(validate(form.definition, body, ctx).errors);
    },
  };
}

function engineWholeRecord(form: PeerForm): Subject {
  const def = wholeRecordDefinition(form);
  const ctx = { role: form.role, step: form.step };
  return {
    name: 'engine (whole record)',
    prepare: (data) => () => validate(def, data, ctx),
    flagged: (data) => engineFields(validate(def, data, ctx).errors),
  };
}

function newAjv(source: boolean): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, ...(source ? { code: { source: true } } : {}) });
  addFormats(ajv);
  return ajv;
}

function ajvSubject(name: string, check: ValidateFunction): Subject {
  return {
    name,
    prepare: (data) => () => check(data),
    flagged(data) {
      check(data);
      return ajvFields(check.errors);
    },
  };
}

/** ajv's precompiled module for the schema (what a Worker would bundle), as CommonJS source. */
export function ajvStandaloneSource(schema: object): string {
  const ajv = newAjv(true);
  return standaloneCode(ajv, ajv.compile(schema));
}

/**
 * Loads the standalone module as a file, as a Worker would bundle it at build time. It is written
 * inside the repository so its `require('ajv/dist/runtime/…')` lines resolve.
 */
function loadStandalone(source: string, name: string): ValidateFunction {
  const dir = join(process.cwd(), '.tmp', 'bench-peers');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ajv-${name}-${String(process.pid)}.cjs`);
  writeFileSync(file, source);
  try {
    const mod = createRequire(import.meta.url)(file) as { default?: unknown };
    if (typeof mod.default !== 'function') throw new Error('ajv standalone: the module exports no validate function');
    return mod.default as ValidateFunction;
  } finally {
    rmSync(file, { force: true });
  }
}

function cfworkerSubject(schema: object): Subject {
  const validator = new Validator(schema, '2020-12', false);
  return {
    name: '@cfworker/json-schema',
    prepare: (data) => () => validator.validate(data),
    flagged: (data) => cfworkerFields(validator.validate(data).errors),
  };
}

function valibotSubject(schema: JsonSchema): Subject {
  const parser = valibotFromSchema(schema);
  const config = { abortEarly: false } as const;
  return {
    name: 'valibot (derived from the JSON Schema)',
    prepare: (data) => () => v.safeParse(parser, data, config),
    flagged: (data) => valibotFields(v.safeParse(parser, data, config).issues),
  };
}

export interface FormSubjects {
  schema: object;
  standaloneSource: string;
  /** the first is the baseline every ratio is taken against */
  subjects: Subject[];
}

export function subjectsFor(form: PeerForm): FormSubjects {
  const schema = formJsonSchema(form.definition);
  const standaloneSource = ajvStandaloneSource(schema);
  return {
    schema,
    standaloneSource,
    subjects: [
      engineAsServer(form),
      engineWholeRecord(form),
      ajvSubject('ajv (compiled at startup)', newAjv(false).compile(schema)),
      ajvSubject('ajv (standalone, precompiled)', loadStandalone(standaloneSource, form.key)),
      cfworkerSubject(schema),
      valibotSubject(schema),
    ],
  };
}

/**
 * Milliseconds to get each peer ready for a form (median of `runs`, fresh instances): what a
 * Worker would pay per isolate and per published form version. The engine reads the definition
 * as it is, with nothing to build.
 */
export function setupMs(form: PeerForm, runs = 5): Record<string, number> {
  const schema = formJsonSchema(form.definition);
  const time = (fn: () => unknown) => {
    const samples: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      fn();
      samples.push(performance.now() - start);
    }
    return Number(median(samples).toFixed(2));
  };
  return {
    'ajv: compile': time(() => newAjv(false).compile(schema)),
    'ajv: generate the standalone module (build time)': time(() => ajvStandaloneSource(schema)),
    '@cfworker/json-schema: new Validator + first validation': time(() => new Validator(schema, '2020-12', false).validate(form.valid)),
  };
}

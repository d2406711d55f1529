/**
 * Impact of publishing `next` as the new version of a form, on the records still in flight.
 * Records keep the version they were made with, so nothing changes for them by itself; the report
 * tells the admin which of them would not pass the new version (errors they do not have under
 * their own version) and which stored values the new version no longer has a field for.
 */
import { fieldEntries, validate, type FieldError, type FormDefinition } from '../../../forms/engine';
import type { Db } from '../../db/client';
import { IMPACT_RECORD_LIMIT, recordsInStates } from '../../db/forms';
import { formAtVersion, latestForm } from '../../form-registry/registry';
import { labelsFor } from '../../lifecycle/labels';
import { diffDefinitions, type DefinitionDiff } from './diff-definitions';
import { inFlightStates, lifecyclesOfForm, submissionSteps, type SubmissionStep } from './in-flight';

export interface AffectedRecord {
  id: string;
  kind: string;
  state: string;
  stateLabel: string;
  formVersion: number;
  /** errors under the new version that the record's own version does not report */
  errors: Array<Pick<FieldError, 'path' | 'code' | 'message'>>;
  /** stored values whose field the new version removes (or renames) */
  dropped: string[];
}

export interface ImpactReport {
  formKey: string;
  /** the version the draft would follow */
  latestVersion: number;
  changes: DefinitionDiff;
  /** in-flight records looked at */
  checked: number;
  /** true when there were more in-flight records than one check reads */
  truncated: boolean;
  affected: AffectedRecord[];
}

/** Affected records listed in one report; `affectedCount` counts them all. */
const LISTED = 200;

function errorsFor(def: FormDefinition, data: Record<string, unknown>, steps: SubmissionStep[]): FieldError[] {
  const out = new Map<string, FieldError>();
  for (const { step, role } of steps) {
    for (const e of validate(def, data, { role, step, previous: data }).errors) out.set(`${e.path}:${e.code}`, e);
  }
  return [...out.values()];
}

export async function formImpact(
  db: Db,
  env: Env,
  formKey: string,
  next: FormDefinition,
): Promise<ImpactReport & { affectedCount: number }> {
  const latest = await latestForm(db, formKey);
  const changes = diffDefinitions(latest.definition, next);
  const nextKeys = new Set(fieldEntries(next).map((e) => e.field.key));
  const affected: AffectedRecord[] = [];
  let checked = 0;
  let truncated = false;
  for (const lifecycle of lifecyclesOfForm(formKey)) {
    const labels = labelsFor(env, lifecycle);
    const rows = await recordsInStates(db, formKey, lifecycle.kind, inFlightStates(lifecycle));
    if (rows.length > IMPACT_RECORD_LIMIT) truncated = true;
    for (const row of rows.slice(0, IMPACT_RECORD_LIMIT)) {
      checked += 1;
      const own = await formAtVersion(db, formKey, row.formVersion);
      const steps = submissionSteps(lifecycle, row.state);
      const before = new Set(errorsFor(own.definition, row.data, steps).map((e) => `${e.path}:${e.code}`));
      const errors = errorsFor(next, row.data, steps)
        .filter((e) => !before.has(`${e.path}:${e.code}`))
        .map(({ path, code, message }) => ({ path, code, message }));
      const dropped = fieldEntries(own.definition)
        .map((e) => e.field.key)
        .filter((k) => !nextKeys.has(k) && Object.hasOwn(row.data, k) && row.data[k] !== null && row.data[k] !== '');
      if (errors.length === 0 && dropped.length === 0) continue;
      affected.push({
        id: row.id,
        kind: row.kind,
        state: row.state,
        stateLabel: labels[row.state] ?? row.state,
        formVersion: row.formVersion,
        errors,
        dropped,
      });
    }
  }
  return {
    formKey,
    latestVersion: latest.version,
    changes,
    checked,
    truncated,
    affectedCount: affected.length,
    affected: affected.slice(0, LISTED),
  };
}

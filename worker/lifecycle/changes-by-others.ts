/**
 * The 「变更」 box of a reviewer: what OTHER parties changed since the reviewer's step last saw the
 * record — its role's last action on it, else the record's first arrival in a state the role acts on
 * (a dispatch the student filled and submitted has no changes yet), else its first version — field
 * by field, walking the audit
 * snapshots event by event so each change is put to whoever made it. Left out: the reviewer's own
 * changes, fields of the reviewer's current step (their routine work, e.g. the school's review
 * fields), computed fields (they follow their inputs), and a change that was undone again.
 */
import { allFields } from '../../forms/engine';
import type { FormDefinition, Role } from '../../forms/engine/types';

export interface SnapshotEvent {
  actorRole: string | null;
  /** the state the event left the record in */
  toState: string | null;
  /** the record's data as this event left it (null for events written before snapshots) */
  snapshot: string | null;
  at: string;
}

export interface ChangeByOthers {
  key: string;
  label: string;
  before: unknown;
  after: unknown;
  /** roles that changed it, in order */
  by: string[];
}

export interface ChangesByOthers {
  /** when the comparison starts: the time of the viewer's role's last event, else of the record's arrival */
  since: string | null;
  /** whether `since` is the viewer's own last action (else the record's first version) */
  sinceOwn: boolean;
  changes: ChangeByOthers[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** An audit snapshot's data, or null when there is none or it is not an object. */
export function parseSnapshot(snapshot: string | null | undefined): Record<string, unknown> | null {
  if (!snapshot) return null;
  try {
    const v: unknown = JSON.parse(snapshot);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * `arrivals`: the states in which the viewer's role acts (the record is in its queue). `shown` filters each snapshot as the viewer may see it (readable fields, disclosure), so nothing
 * hidden leaks through a before value; `routine` names the fields of the viewer's current step.
 */
export function changesByOthers(
  definition: FormDefinition,
  events: readonly SnapshotEvent[],
  current: Record<string, unknown>,
  viewer: Role,
  routine: ReadonlySet<string>,
  shown: (values: Record<string, unknown>) => Record<string, unknown> = (v) => v,
  arrivals: ReadonlySet<string> = new Set(),
): ChangesByOthers {
  const versions = events
    .map((e) => ({ role: e.actorRole, to: e.toState, at: e.at, data: parseSnapshot(e.snapshot) }))
    .filter((v) => v.data !== null) as Array<{ role: string | null; to: string | null; at: string; data: Record<string, unknown> }>;
  let start = versions.findLastIndex((v) => v.role === viewer);
  const sinceOwn = start >= 0;
  if (!sinceOwn)
    start = Math.max(
      0,
      versions.findIndex((v) => v.to !== null && arrivals.has(v.to)),
    );
  const since = versions[start];
  if (!since) return { since: null, sinceOwn: false, changes: [] };

  const fields = allFields(definition).filter((f) => f.computed === undefined && !routine.has(f.key));
  const baseline = shown(since.data);
  const by = new Map<string, string[]>();
  let previous = baseline;
  for (const version of versions.slice(start + 1)) {
    const next = shown(version.data);
    for (const f of fields) {
      if (same(previous[f.key], next[f.key]) || version.role === viewer) continue;
      const who = by.get(f.key) ?? [];
      const role = version.role ?? 'system';
      if (!who.includes(role)) who.push(role);
      by.set(f.key, who);
    }
    previous = next;
  }
  const changes = fields.flatMap((f) => {
    const who = by.get(f.key);
    if (!who || same(baseline[f.key], current[f.key])) return [];
    return [{ key: f.key, label: f.label, before: baseline[f.key] ?? null, after: current[f.key] ?? null, by: who }];
  });
  return { since: since.at, sinceOwn, changes };
}

/**
 * The authorization matrix (worker/test/access-matrix.ts) stays complete: a route the app
 * registers without a row, a lifecycle kind or action without one, or a row for something that is
 * gone fails here. Fast, so it runs with every `npm test`; the cells themselves run in
 * access-matrix.test.ts (`npm run test:matrix`).
 */
import { describe, expect, it } from 'vitest';
import { app } from '../app';
import { LIFECYCLES } from '../lifecycle/registry';
import type { Lifecycle } from '../lifecycle/types';
import { ACCESS_MATRIX, WHO, type MatrixRow } from '../test/access-matrix';

const GENERIC = ['GET /api/:kind', 'GET /api/:kind/:id', 'GET /api/:kind/new', 'POST /api/:kind', 'POST /api/:kind/:id/:action'];
const PER_KIND = GENERIC.slice(0, 4);
const TRANSITION = GENERIC[4];
const ROLES = ['student', 'employer', 'college', 'school', 'province', 'center', 'admin'] as const;

/** Method and path of every handler the app registers; middleware (`use`) shows up as ALL. */
function registeredRoutes(): string[] {
  return [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
}

const lifecycles = Object.values<Lifecycle>(LIFECYCLES);

function title(row: MatrixRow): string {
  return `${row.route}${row.kind ? ` [${row.kind}${row.action ? ' ' + row.action : ''}]` : ''} — ${row.given}`;
}

describe('the access matrix covers the whole app', () => {
  it('every registered route has a row, and every row names a registered route', () => {
    const inTable = new Set(ACCESS_MATRIX.map((r) => r.route));
    const registered = registeredRoutes();
    expect(
      registered.filter((r) => !inTable.has(r)),
      'routes missing from worker/test/access-matrix.ts',
    ).toEqual([]);
    expect(
      [...inTable].filter((r) => !registered.includes(r)),
      'rows for routes the app no longer has',
    ).toEqual([]);
  });

  it('every lifecycle kind has its list, read, prepare and create rows, and every action of it a transition row', () => {
    const missing: string[] = [];
    for (const lifecycle of lifecycles) {
      for (const route of PER_KIND) {
        if (!ACCESS_MATRIX.some((r) => r.route === route && r.kind === lifecycle.kind)) missing.push(`${route} (${lifecycle.kind})`);
      }
      for (const action of new Set(lifecycle.transitions.map((t) => t.action))) {
        if (!ACCESS_MATRIX.some((r) => r.route === TRANSITION && r.kind === lifecycle.kind && r.action === action))
          missing.push(`${TRANSITION} (${lifecycle.kind} ${action})`);
      }
    }
    expect(missing, 'kinds or actions missing from worker/test/access-matrix.ts').toEqual([]);
    const stale = ACCESS_MATRIX.filter(
      (r) =>
        r.kind &&
        !lifecycles.some((l) => l.kind === r.kind && (r.action === undefined || l.transitions.some((t) => t.action === r.action))),
    );
    expect(
      stale.map((r) => `${r.route} (${r.kind} ${r.action ?? ''})`),
      'rows for kinds or actions that no longer exist',
    ).toEqual([]);
  });

  it('every row says what anonymous callers and every role get', () => {
    const incomplete = ACCESS_MATRIX.filter(
      (r) =>
        r.expect.anonymous === undefined ||
        ROLES.some((role) => !WHO.some((who) => who.split('@')[0] === role && r.expect[who] !== undefined)),
    );
    expect(incomplete.map(title)).toEqual([]);
    expect(
      ACCESS_MATRIX.filter((r) => GENERIC.includes(r.route) !== (r.kind !== undefined)).map(title),
      'generic routes need a kind, others none',
    ).toEqual([]);
  });
});

/**
 * Every route whose contract declares a JSON body is mounted with the body check holding that
 * very schema: a route that reads its body by hand (or checks another schema) fails here.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../../contract/index';
import { app } from '../../app';
import { mountedBodySchema } from '.';

describe('the contract body check', () => {
  it("guards every route whose contract has a JSON body, with the route's own schema", () => {
    const withBody = ROUTES.filter((r) => r.body && r.body !== 'multipart');
    expect(withBody.length).toBeGreaterThan(15);
    const unchecked = withBody.filter(
      (r) => !app.routes.some((h) => h.method === r.method && h.path === r.path && mountedBodySchema(h.handler) === r.body),
    );
    expect(unchecked.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('mounts no body check on a route whose contract has no JSON body', () => {
    const stray = app.routes.filter(
      (h) =>
        mountedBodySchema(h.handler) &&
        !ROUTES.some((r) => r.method === h.method && r.path === h.path && r.body === mountedBodySchema(h.handler)),
    );
    expect(stray.map((h) => `${h.method} ${h.path}`)).toEqual([]);
  });
});

/**
 * GET /api/openapi.json: the public OpenAPI document, built from the route contract (contract/)
 * and the published forms, lists every route the app registers, and nothing else.
 */
import { describe, expect, it } from 'vitest';
import dispatchJson from '../../forms/dispatch.json';
import type { FormDefinition } from '../../forms/engine/types';
import { app } from '../app';
import { LIFECYCLES } from '../lifecycle/registry';
import type { Lifecycle } from '../lifecycle/types';
import { TestClient } from '../test/client';

type Doc = {
  openapi: string;
  paths: Record<string, Record<string, { 'x-route': string; security?: unknown[]; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, { properties?: Record<string, unknown>; 'x-form-version'?: number }> };
};

const readDocument = async () => await new TestClient().get<Doc>('/api/openapi.json');

describe('the OpenAPI document', () => {
  it('is public: anyone gets it without signing in, and it is OpenAPI 3.1', async () => {
    const res = await readDocument();
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.paths['/api/session']!.post!.security).toEqual([]);
    expect(res.body.paths['/api/forms/{key}']!.get!.security).toBeUndefined();
  });

  it('lists every route the app registers, and no route the app does not have', async () => {
    const { body } = await readDocument();
    const documented = new Set(Object.values(body.paths).flatMap((item) => Object.values(item).map((op) => op['x-route'])));
    const registered = [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))];
    expect(
      registered.filter((r) => !documented.has(r)),
      'routes without a contract in contract/',
    ).toEqual([]);
    expect(
      [...documented].filter((r) => !registered.includes(r)),
      'contracts of routes the app no longer has',
    ).toEqual([]);
  });

  it("lists the record routes once per lifecycle kind, and a transition once per action, with that kind's form data", async () => {
    const { body } = await readDocument();
    for (const lifecycle of Object.values<Lifecycle>(LIFECYCLES)) {
      expect(body.paths[`/api/${lifecycle.kind}`]?.get, lifecycle.kind).toBeDefined();
      expect(body.paths[`/api/${lifecycle.kind}/{id}`]?.get, lifecycle.kind).toBeDefined();
      for (const t of lifecycle.transitions)
        expect(body.paths[`/api/${lifecycle.kind}/{id}/${t.action}`]?.post, `${lifecycle.kind} ${t.action}`).toBeDefined();
    }
    const read = JSON.stringify(body.paths['/api/agreements/{id}']!.get!.responses['200']);
    expect(read).toContain('#/components/schemas/AgreementDataRead');
    expect(Object.keys(body.components.schemas.AgreementData!.properties ?? {}).length).toBeGreaterThan(10);
    expect(body.components.schemas.AgreementData!['x-form-version']).toBeGreaterThanOrEqual(1);
  });

  it('describes record data by the form version published now: a new field shows up once the admin publishes it', async () => {
    const admin = await TestClient.as('admin');
    const dispatch = JSON.parse(JSON.stringify(dispatchJson)) as FormDefinition;
    dispatch.steps[0]!.sections[0]!.rows.push([{ key: 'openapiProbe', type: 'text', label: '接口文档探针', maxLength: 40 }]);
    const published = await admin.post('/api/forms/dispatch/publish', { definition: dispatch, confirm: true });
    expect(published.status).toBe(201);
    const { body } = await readDocument();
    expect(body.components.schemas.DispatchData!['x-form-version']).toBe(published.body.version);
    expect(body.components.schemas.DispatchData!.properties?.openapiProbe).toMatchObject({
      type: 'string',
      maxLength: 40,
      title: '接口文档探针',
    });
    expect(body.components.schemas.DispatchDataRead!.properties?.openapiProbe).toMatchObject({ type: ['string', 'null'] });
  });
});

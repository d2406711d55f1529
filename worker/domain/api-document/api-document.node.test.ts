/**
 * The OpenAPI document, built from the shipped form definitions (forms/*.json), is a valid OpenAPI
 * 3.1 document by the specification's own schema (checked with a maintained validator, in Node).
 */
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { buildOpenApiDocument } from '../../../contract/openapi';
import { SHIPPED_FORMS } from '../../form-registry/registry';
import { documentedForms, lifecycleKinds } from './api-document';

function shippedDocument() {
  const kinds = lifecycleKinds();
  return buildOpenApiDocument({
    kinds,
    forms: Object.fromEntries(documentedForms(kinds).map((key) => [key, { version: 1, definition: SHIPPED_FORMS[key]! }])),
  });
}

describe('the OpenAPI document of the shipped forms', () => {
  it('is valid OpenAPI 3.1, and every $ref in it resolves', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(shippedDocument())));
    expect(result.errors ?? [], JSON.stringify(result.errors ?? [], null, 1).slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
    expect(() => validator.resolveRefs()).not.toThrow();
  });

  it('names every operation once, and every form a lifecycle uses has its data schemas', () => {
    const doc = shippedDocument();
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => (op as { operationId: string }).operationId));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    for (const form of ['Source', 'Agreement', 'Termination', 'Dispatch', 'Employer']) {
      expect(doc.components.schemas, form).toHaveProperty(`${form}Data`);
      expect(doc.components.schemas, form).toHaveProperty(`${form}DataRead`);
    }
  });
});

/**
 * GET /api/openapi.json: the OpenAPI 3.1 document of this API (docs/architecture.md, the HTTP API
 * and its OpenAPI document). Public: it describes routes and forms, and holds no personal data.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { apiDocument } from '../domain/api-document/api-document';

export const openApiRoutes = new Hono<AppEnv>().get('/openapi.json', async (c) => c.json(await apiDocument(c.get('db'))));

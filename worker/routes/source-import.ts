/**
 * POST /api/source-records/import (multipart, field `file`: CSV or XLSX) and
 * GET /api/source-records/import-template (a blank CSV with the source form's headers).
 */
import { Hono } from 'hono';
import { allFields } from '../../forms/engine';
import { toCsv } from '../../forms/engine/csv';
import type { AppEnv } from '../app-env';
import { importSourceRecords } from '../domain/source-import/import-source-records';
import { readTable } from '../domain/source-import/read-table';
import { latestForm } from '../forms/registry';
import { badRequest } from '../http/errors';
import { requireActor } from '../middleware/require-actor';

const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export const sourceImportRoutes = new Hono<AppEnv>()
  .post('/source-records/import', async (c) => {
    const actor = await requireActor(c, { roles: ['school'] });
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) throw badRequest('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string') throw badRequest('missing_file', '请选择要导入的 CSV 或 Excel 文件', [{ path: 'file', code: 'required', message: '请选择文件' }]);
    if (file.size > MAX_IMPORT_BYTES) throw badRequest('too_large', '文件不能超过 20 MB');
    const table = readTable(new Uint8Array(await file.arrayBuffer()));
    const db = c.get('db');
    const definition = await latestForm(db, 'source');
    return c.json(await importSourceRecords(db, actor, definition, table));
  })
  .get('/source-records/import-template', async (c) => {
    await requireActor(c, { roles: ['school'] });
    const { definition } = await latestForm(c.get('db'), 'source');
    const headers = allFields(definition)
      .filter((f) => f.type !== 'group' && f.type !== 'file' && !f.computed)
      .map((f) => f.label);
    return c.body(toCsv(headers, []), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="source-import-template.csv"; filename*=UTF-8''${encodeURIComponent('生源导入模板.csv')}`,
    });
  });

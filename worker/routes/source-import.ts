/**
 * POST /api/source-records/import (multipart, field `file`: CSV or XLSX) and
 * GET /api/source-records/import-template?format=csv|xlsx (csv when not given): the source form's
 * columns with an example row; the XLSX adds dropdowns, the allowed values and a 填写说明 sheet.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../app-env';
import { importSourceRecords } from '../domain/source-import/import-source-records';
import { MAX_IMPORT_BYTES } from '../domain/source-import/limits';
import { templateColumns, templateCsv, templateXlsx } from '../domain/source-import/import-template';
import { listColleges } from '../db/students';
import { readTable } from '../domain/source-import/read-table';
import { latestForm } from '../form-registry/registry';
import { badRequest } from '../http/errors';
import { requireActor } from '../middleware/require-actor';
import type { AnswerOf } from '../../contract/route';
import type { ImportResultSchema } from '../../contract/source-import';
import { downloadHeaders } from '../http/download';

export const sourceImportRoutes = new Hono<AppEnv>()
  .post('/source-records/import', async (c) => {
    const actor = await requireActor(c, { ability: 'import_source_records' });
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data'))
      throw badRequest('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
    const form = await c.req.formData().catch(() => null);
    const file = form?.get('file');
    if (!file || typeof file === 'string')
      throw badRequest('missing_file', '请选择要导入的 CSV 或 Excel 文件', [{ path: 'file', code: 'required', message: '请选择文件' }]);
    if (file.size > MAX_IMPORT_BYTES) throw badRequest('too_large', '文件不能超过 20 MB');
    const table = readTable(new Uint8Array(await file.arrayBuffer()));
    const db = c.get('db');
    const definition = await latestForm(db, 'source');
    return c.json((await importSourceRecords(db, actor, definition, table)) satisfies AnswerOf<typeof ImportResultSchema>);
  })
  .get('/source-records/import-template', async (c) => {
    const actor = await requireActor(c, { ability: 'import_source_records' });
    const format = c.req.query('format') ?? 'csv';
    if (format !== 'csv' && format !== 'xlsx')
      throw badRequest('bad_format', '模板格式只能是 csv 或 xlsx', [{ path: 'format', code: 'enum', message: '应为 csv 或 xlsx' }]);
    const db = c.get('db');
    const [{ definition }, colleges] = await Promise.all([
      latestForm(db, 'source'),
      actor.schoolId ? listColleges(db, actor.schoolId) : [],
    ]);
    const columns = templateColumns(
      definition,
      colleges.map((college) => college.name),
    );
    const headers = downloadHeaders(format, '生源导入模板', 'source-import-template');
    return c.body(format === 'csv' ? templateCsv(columns) : templateXlsx(columns), 200, headers);
  });

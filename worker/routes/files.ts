/**
 * POST /api/files (multipart, field `file`: JPEG, PNG, WebP or PDF) → 201 { id, contentType, size, sha256 }
 * GET  /api/files/:id → the bytes, to those who may see them (docs/architecture.md and docs/security.md uploads, §7).
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env';
import { findFile } from '../db/files';
import { canReadFile } from '../domain/files/can-read-file';
import { tooLarge } from '../domain/files/check-upload';
import { extensionOf, type UploadContentType } from '../domain/files/sniff-content-type';
import { storeUpload } from '../domain/files/store-upload';
import { maxUploadBytes, MULTIPART_OVERHEAD_BYTES } from '../domain/files/upload-limit';
import { uploadQuota } from '../domain/files/upload-quota';
import { badRequest, forbidden, notFound } from '../http/errors';
import { requireActor } from '../middleware/require-actor';

const FILE_ID = /^[0-9a-f]{32}$/;
const fileNotFound = () => notFound('文件不存在或您无权查看');

export const fileRoutes = new Hono<AppEnv>()
  .post(
    '/files',
    async (c, next) => {
      // who and what first, so nobody makes us read a large body just to be told no
      const actor = await requireActor(c);
      // an employer the centre has not verified yet is anyone who filled in a form: no storage for it
      if (actor.role === 'employer' && !actor.employerVerified) throw forbidden('单位信息尚未通过就业中心审核，暂不能上传文件');
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw badRequest('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
      }
      const limit = maxUploadBytes(c.env);
      // refuses by Content-Length when there is one, else counts the bytes as they arrive
      return bodyLimit({ maxSize: limit + MULTIPART_OVERHEAD_BYTES, onError: () => { throw tooLarge(limit); } })(c, next);
    },
    async (c) => {
      const actor = await requireActor(c);
      const form = await c.req.formData().catch(() => null);
      if (!form) throw badRequest('bad_multipart', '上传内容格式不正确，请重新选择文件');
      const entries = form.getAll('file');
      if (entries.length > 1) throw badRequest('too_many_files', '一次只能上传一个文件');
      const file = entries[0];
      if (!file || typeof file === 'string') {
        throw badRequest('missing_file', '请选择要上传的文件', [{ path: 'file', code: 'required', message: '请选择文件' }]);
      }
      // file.name and file.type are deliberately ignored: the bytes decide
      const stored = await storeUpload(c.get('db'), c.env.FILES, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        ownerId: actor.accountId,
        limit: maxUploadBytes(c.env),
        quota: uploadQuota(c.env),
      });
      return c.json(stored, 201);
    },
  )
  .get('/files/:id', async (c) => {
    const actor = await requireActor(c);
    const id = c.req.param('id');
    if (!FILE_ID.test(id)) throw fileNotFound();
    const db = c.get('db');
    const file = await findFile(db, id);
    // a file the actor may not read answers exactly like one that does not exist
    if (!file || !(await canReadFile(db, file, actor))) throw fileNotFound();
    const object = await c.env.FILES.get(file.objectKey);
    if (!object) {
      console.error('file row without object', file.id, file.objectKey);
      throw fileNotFound();
    }
    return c.body(object.body, 200, {
      'Content-Type': file.contentType,
      'Content-Length': String(file.size),
      'Content-Disposition': `inline; filename="${file.id}.${extensionOf(file.contentType as UploadContentType)}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private',
      ETag: `"${file.sha256}"`,
    });
  });

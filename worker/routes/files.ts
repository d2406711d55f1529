/**
 * POST /api/files (multipart, field `file`: JPEG, PNG, WebP or PDF) → 201 { id, contentType, size, sha256 };
 * without sign-in only as a 用人单位注册's 营业执照 (see `registration-uploads.ts`).
 * GET  /api/files/:id → the bytes, to those who may see them (docs/security.md, uploads).
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
import { badRequest, notFound } from '../http/errors';
import { requireActor } from '../middleware/require-actor';
import { REGISTRATION_UPLOAD_OWNER, REGISTRATION_UPLOAD_QUOTA } from '../domain/employers/registration-uploads';
import { registrationAllowed } from './employers';

const FILE_ID = /^[0-9a-f]{32}$/;
const fileNotFound = () => notFound('文件不存在或您无权查看');

export const fileRoutes = new Hono<AppEnv>()
  .post(
    '/files',
    async (c, next) => {
      // who and what first, so nobody makes us read a large body just to be told no
      if (await c.get('session').resolve()) {
        const actor = await requireActor(c);
        // an employer the centre has not verified yet is anyone who filled in a form: it may upload
        // (a clearer 营业执照 when the centre returned its registration) only as often as it may register
        if (actor.role === 'employer' && !actor.employerVerified) await registrationAllowed(c);
      } else {
        // not signed in: a 用人单位注册's 营业执照, counted against the address's registration limit
        await registrationAllowed(c);
      }
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        throw badRequest('unsupported_media_type', '请以 multipart/form-data 上传文件（字段名 file）');
      }
      const limit = maxUploadBytes(c.env);
      // refuses by Content-Length when there is one, else counts the bytes as they arrive
      return bodyLimit({
        maxSize: limit + MULTIPART_OVERHEAD_BYTES,
        onError: () => {
          throw tooLarge(limit);
        },
      })(c, next);
    },
    async (c) => {
      const session = await c.get('session').resolve();
      const owner = session
        ? { ownerId: (await requireActor(c)).accountId, quota: uploadQuota(c.env) }
        : { ownerId: REGISTRATION_UPLOAD_OWNER, quota: REGISTRATION_UPLOAD_QUOTA };
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
        ownerId: owner.ownerId,
        limit: maxUploadBytes(c.env),
        quota: owner.quota,
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

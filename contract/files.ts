/** Uploads (JPEG, PNG, WebP, PDF) and reading them back. */
import * as v from 'valibot';
import { route } from './route';

export const UploadedFileSchema = v.object({ id: v.string(), contentType: v.string(), size: v.number(), sha256: v.optional(v.string()) });

export const fileRoutes = [
  route({
    method: 'POST',
    path: '/api/files',
    tag: '文件',
    summary: '上传一个文件（multipart，字段名 file），按内容识别类型',
    access: '已登录；未登录只可作为单位注册的营业执照（限流）',
    public: true,
    body: 'multipart',
    answers: { 201: UploadedFileSchema },
  }),
  route({
    method: 'GET',
    path: '/api/files/:id',
    tag: '文件',
    summary: '文件内容',
    access: '可查看引用它的记录的人',
    params: { id: '文件编号' },
    answers: { 200: { contentType: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'], description: '文件内容' } },
  }),
];

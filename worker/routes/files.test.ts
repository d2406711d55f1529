import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../db/batch';
import { attachFiles, checkFileIds } from '../domain/files/attach-files';
import { actorOf, db, download, fileRow, send, upload } from '../domain/files/files-test-kit.fixture';
import { concat, text, tinyJpeg, tinyPdf, tinyPng } from '../domain/files/sample-files.fixture';
import { sha256Hex } from '../lib/encoding';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import type { AnswerBody } from '../test/answer-body';

const LIMIT = Number(env.MAX_UPLOAD_BYTES);

/** A student of their own, so "no row was added" counts only this test's uploads. */
async function freshStudent() {
  const fixture = await studentWithSourceRecord('imported');
  const client = await TestClient.as(fixture.username);
  const accountId = 'acc-' + fixture.studentId;
  return { client, rows: () => count('files', 'owner_id = ?', accountId) };
}

describe('上传材料 (a signed-in user uploads a photo or PDF)', () => {
  it.each([
    ['PNG', tinyPng, 'photo.png', 'image/png'],
    ['JPEG', tinyJpeg, 'IMG_0001.JPG', 'image/jpeg'],
    ['PDF', tinyPdf, '协议书扫描件.pdf', 'application/pdf'],
  ] as const)('a real %s is stored and comes back byte-identical with its type and digest', async (_, make, name, type) => {
    const bytes = await make();
    const student = await TestClient.as('student');
    const res = await upload(student, bytes, name, type);
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{32}$/),
      contentType: type,
      size: bytes.length,
      sha256: await sha256Hex(bytes),
    });

    const row = await fileRow(res.body.id);
    expect(row).toMatchObject({
      owner_id: 'acc-student',
      record_id: null,
      content_type: type,
      size: bytes.length,
      sha256: res.body.sha256,
    });

    const got = await download(student, res.body.id);
    expect(got.status).toBe(200);
    expect(got.bytes).toEqual(bytes);
    expect(got.headers.get('Content-Type')).toBe(type);
    expect(got.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(got.headers.get('Content-Disposition')).toMatch(/^inline\b/);
    expect(got.headers.get('Cache-Control')).toBe('private');
  });

  it('a ".jpg" that is really a text file is refused and nothing is stored', async () => {
    const { client: student, rows } = await freshStudent();
    const res = await upload(student, text('这其实是一个文本文件\nnot a photo'), 'photo.jpg', 'image/jpeg');
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_file_type', message: expect.stringContaining('仅支持') });
    expect(await rows()).toBe(0);
  });

  it('a PNG that also carries a <script> in its first kilobyte is refused as a polyglot', async () => {
    const { client: student, rows } = await freshStudent();
    const res = await upload(student, concat(tinyPng(), text('<script>alert(document.cookie)</script>')), 'x.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('suspicious_file');
    expect(await rows()).toBe(0);
  });

  it('a file declared image/png that is really a PDF is stored and served as application/pdf', async () => {
    const student = await TestClient.as('student');
    const res = await upload(student, await tinyPdf(), 'picture.png', 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('application/pdf');
    expect((await fileRow(res.body.id))!.content_type).toBe('application/pdf');
    expect((await download(student, res.body.id)).headers.get('Content-Type')).toBe('application/pdf');
  });

  it('an empty file is refused with 400 and leaves no row', async () => {
    const { client: student, rows } = await freshStudent();
    const res = await upload(student, new Uint8Array(0), 'empty.pdf', 'application/pdf');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('empty_file');
    expect(await rows()).toBe(0);
  });

  it('a file one byte over MAX_UPLOAD_BYTES is refused with 413 and a Chinese message', async () => {
    const { client: student, rows } = await freshStudent();
    const big = new Uint8Array(LIMIT + 1);
    big.set(tinyPng());
    const res = await upload(student, big, 'big.png', 'image/png');
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({ code: 'file_too_large', message: '文件过大，单个文件不能超过 10 MB' });
    expect(await rows()).toBe(0);
  });

  it('a body declared far over the limit is refused from its Content-Length, before it is read', async () => {
    const student = await TestClient.as('student');
    const chunk = new Uint8Array(64 * 1024);
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.length;
        controller.enqueue(chunk);
        if (pulled > LIMIT * 2) controller.close();
      },
    });
    const res = await send(student, 'POST', '/api/files', body, {
      'Content-Type': 'multipart/form-data; boundary=xyz',
      'Content-Length': String(LIMIT + 256 * 1024),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as AnswerBody).error.code).toBe('file_too_large');
    expect(pulled).toBeLessThan(LIMIT / 2);
  });

  it('a path-like file name has no say in where the file is stored', async () => {
    const student = await TestClient.as('student');
    const res = await upload(student, tinyPng(), '../../uploads/evil.png', 'image/png');
    expect(res.status).toBe(201);
    const now = new Date();
    const key = `uploads/${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}/${res.body.id}`;
    expect((await fileRow(res.body.id))!.object_key).toBe(key);
    expect(await env.FILES.head(key)).not.toBeNull();
    expect(await env.FILES.head('uploads/evil.png')).toBeNull();
    expect(await env.FILES.head('../../uploads/evil.png')).toBeNull();
  });

  it('uploads are multipart only, and bad input is a 4xx never a 500', async () => {
    const student = await TestClient.as('student');
    const json = await send(student, 'POST', '/api/files', JSON.stringify({ file: 'x' }), { 'Content-Type': 'application/json' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as AnswerBody).error.code).toBe('unsupported_media_type');
    const broken = await send(student, 'POST', '/api/files', 'not really multipart', {
      'Content-Type': 'multipart/form-data; boundary=xyz',
    });
    expect(broken.status).toBe(400);
    const noFile = new FormData();
    noFile.append('other', 'value');
    const missing = await send(student, 'POST', '/api/files', noFile);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as AnswerBody).error.code).toBe('missing_file');
    expect((await send(student, 'GET', '/api/files/not-an-id')).status).toBe(404);
  });
});

describe('未审核单位上传 (an employer the centre has not verified uploads only as it registers)', () => {
  it('employer2 (waiting for the centre) may upload a clearer 营业执照, counted against its address like a registration', async () => {
    const before = await count('files', 'owner_id = ?', 'acc-employer2');
    const waiting = await upload(await TestClient.as('employer2'), tinyPng(), 'license.png', 'image/png');
    expect(waiting.status).toBe(201);
    expect(await count('files', 'owner_id = ?', 'acc-employer2')).toBe(before + 1);

    const verified = await upload(await TestClient.as('employer'), tinyPng(), 'license.png', 'image/png');
    expect(verified.status).toBe(201);
  });

  it("without an account an upload is a registration's licence: owned by no one who can sign in, readable by nobody until a registration uses it", async () => {
    const res = await upload(null, tinyPng(), '营业执照.png', 'image/png');
    expect(res.status).toBe(201);
    expect(await fileRow(res.body.id)).toMatchObject({ owner_id: 'acc-registration-uploads', record_id: null });
    expect((await download(null, res.body.id)).status).toBe(401);
    expect((await download(await TestClient.as('center'), res.body.id)).status).toBe(404);
    const signIn = await new TestClient().post('/api/session', { username: '~registration-uploads', password: '!' });
    expect(signIn.status).toBe(401);
  });
});

describe('上传配额 (each account may upload only so much)', () => {
  // wrangler.toml: UPLOAD_FILES_PER_DAY, UPLOAD_BYTES_PER_DAY, UPLOAD_MAX_LOOSE_FILES
  const FILES_PER_DAY = Number(env.UPLOAD_FILES_PER_DAY);
  const BYTES_PER_DAY = Number(env.UPLOAD_BYTES_PER_DAY);
  const LOOSE = Number(env.UPLOAD_MAX_LOOSE_FILES);

  async function freshUploader() {
    const fixture = await studentWithSourceRecord('imported');
    const accountId = 'acc-' + fixture.studentId;
    return { ...fixture, accountId, client: await TestClient.as(fixture.username), rows: () => count('files', 'owner_id = ?', accountId) };
  }

  /** Earlier uploads of the account, as rows: `n` files of `size` bytes, `hoursAgo`, on a record or loose. */
  async function earlierUploads(accountId: string, n: number, opts: { size?: number; hoursAgo?: number; recordId?: string | null } = {}) {
    const at = new Date(Date.now() - (opts.hoursAgo ?? 1) * 3600_000).toISOString();
    const statements = Array.from({ length: n }, () => {
      const id = crypto.randomUUID().replace(/-/g, '');
      return env.DB.prepare(
        'INSERT INTO files (id, object_key, content_type, size, sha256, owner_id, record_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).bind(
        id,
        'uploads/test/' + id,
        'image/png',
        opts.size ?? 1000,
        'x',
        accountId,
        opts.recordId === undefined ? 'rec-elsewhere' : opts.recordId,
        at,
      );
    });
    await env.DB.batch(statements);
  }

  it(`at most 20 loose uploads at a time: the next is 429 saying so, and using one in a form makes room`, async () => {
    const u = await freshUploader();
    for (let i = 0; i < LOOSE; i++) expect((await upload(u.client, tinyPng(), `scan-${i}.png`)).status).toBe(201);
    const refused = await upload(u.client, tinyPng(), 'one-more.png');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'too_many_loose_files',
      message: `尚未用于表单的上传文件已有 ${LOOSE} 个，请先在表单中使用后再上传（未使用的文件一天后自动清理）`,
    });
    expect(await u.rows()).toBe(LOOSE);

    await env.DB.prepare('UPDATE files SET record_id = ? WHERE id = (SELECT id FROM files WHERE owner_id = ? LIMIT 1)')
      .bind(u.recordId, u.accountId)
      .run();
    expect((await upload(u.client, tinyPng(), 'now-fits.png')).status).toBe(201);
  });

  it(`at most 50 files in 24 hours, even when each is used in a form; files from yesterday do not count`, async () => {
    const u = await freshUploader();
    await earlierUploads(u.accountId, FILES_PER_DAY, { hoursAgo: 25 });
    await earlierUploads(u.accountId, FILES_PER_DAY - 1, { hoursAgo: 23 });
    expect((await upload(u.client, tinyPng(), 'last-one.png')).status).toBe(201);
    const refused = await upload(u.client, tinyPng(), 'too-many.png');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({
      code: 'daily_upload_files',
      message: `24 小时内最多上传 ${FILES_PER_DAY} 个文件，已达上限，请稍后再试`,
    });
    expect(await u.rows()).toBe(2 * FILES_PER_DAY);
  });

  it('at most 100 MB in 24 hours: an upload that would pass it is 429 with the limit in the message', async () => {
    const u = await freshUploader();
    const png = tinyPng();
    await earlierUploads(u.accountId, 10, { size: (BYTES_PER_DAY - png.length + 1) / 10 });
    const refused = await upload(u.client, png, 'over.png');
    expect(refused.status).toBe(429);
    expect(refused.body.error).toEqual({ code: 'daily_upload_bytes', message: '24 小时内上传总量不能超过 100 MB，已达上限，请稍后再试' });
    expect(await u.rows()).toBe(10);
  });
});

describe('查看材料 (who may fetch an upload)', () => {
  it("a student cannot read another student's loose upload: 404, exactly like a missing file", async () => {
    const owner = await TestClient.as('student');
    const { body } = await upload(owner, tinyPng(), 'mine.png');
    const other = await TestClient.as('student2');
    const theirs = await send(other, 'GET', `/api/files/${body.id}`);
    const missing = await send(other, 'GET', `/api/files/${'0'.repeat(32)}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    // not even a reviewer of the owner's school sees a file nobody has attached to a record
    expect((await download(await TestClient.as('school'), body.id)).status).toBe(404);
    expect((await download(null, body.id)).status).toBe(401);
    expect((await download(owner, body.id)).status).toBe(200);
  });

  it('once attached to a record, those who may read the record fetch it and reviewers elsewhere cannot', async () => {
    const fixture = await studentWithSourceRecord('submitted');
    const student = await TestClient.as(fixture.username);
    const { body } = await upload(student, await tinyPdf(), '毕业证明.pdf');
    const actor = await actorOf('acc-' + fixture.studentId);
    const refs = [{ path: 'proof', ids: [body.id] }];
    await checkFileIds(db(), refs, actor, fixture.recordId);
    await runBatch(db(), attachFiles(db(), { recordId: fixture.recordId, fileIds: [body.id], actor }));
    expect((await fileRow(body.id))!.record_id).toBe(fixture.recordId);

    for (const reader of ['school', 'college', 'province']) {
      const got = await download(await TestClient.as(reader), body.id);
      expect(got.status, reader).toBe(200);
      expect(await sha256Hex(got.bytes)).toBe(body.sha256);
    }
    expect((await download(student, body.id)).status).toBe(200);
    for (const outsider of ['school2', 'college2', 'student', 'employer']) {
      expect((await download(await TestClient.as(outsider), body.id)).status, outsider).toBe(404);
    }
  });
});

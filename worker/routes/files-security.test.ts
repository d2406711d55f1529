/**
 * Hostile uploads (docs/architecture.md and docs/security.md): the bytes alone decide what a file is; markup dressed up as an image,
 * polyglots, empty files and path-like names change nothing on the server; and a file on someone
 * else's record reads exactly like one that does not exist.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { download, fileRow, send, upload } from '../domain/files/files-test-kit.fixture';
import { concat, text, tinyJpeg, tinyPdf, tinyPng } from '../domain/files/sample-files.fixture';
import { TestClient } from '../test/client';
import { count, studentWithSourceRecord } from '../test/fixtures';
import { demo, dispatchIn } from '../test/scenarios';
import type { AnswerBody } from '../test/answer-body';

const SERVER_KEY = /^uploads\/\d{4}\/\d{2}\/[0-9a-f]{32}$/;

async function allObjectKeys(): Promise<string[]> {
  const keys: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await env.FILES.list({ cursor });
    keys.push(...page.objects.map((o) => o.key));
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return keys;
}

/** A student of their own, so counting their rows counts only this test's uploads. */
async function freshUploader() {
  const fixture = await studentWithSourceRecord('imported');
  const client = await TestClient.as(fixture.username);
  return { client, rows: () => count('files', 'owner_id = ?', 'acc-' + fixture.studentId) };
}

const webp = () => concat(text('RIFF'), Uint8Array.of(26, 0, 0, 0), text('WEBPVP8 '), new Uint8Array(14));

describe('上传伪装 (the declared type and name are ignored; the bytes decide)', () => {
  it('a PNG named and declared as a PDF is stored and served as the PNG it is', async () => {
    const { client } = await freshUploader();
    const res = await upload(client, tinyPng(), '协议书.pdf', 'application/pdf');
    expect(res.status).toBe(201);
    expect(res.body.contentType).toBe('image/png');
    const got = await download(client, res.body.id);
    expect(got.headers.get('Content-Type')).toBe('image/png');
    expect(got.headers.get('Content-Disposition')).toBe(`inline; filename="${res.body.id}.png"`);
    expect(got.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it.each([
    ['HTML claimed as a PNG', '<!doctype html><html><body><script>fetch("/api/session")</script></body></html>', 'photo.png', 'image/png'],
    [
      'SVG with a script claimed as a PNG',
      '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>',
      'photo.png',
      'image/png',
    ],
    ['SVG declared as image/svg+xml', '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>', 'logo.svg', 'image/svg+xml'],
    ['JavaScript claimed as a JPEG', 'alert(document.cookie);//', 'IMG_0001.jpg', 'image/jpeg'],
    ['JavaScript claimed as a PDF', 'window.location="https://evil.example"', 'scan.pdf', 'application/pdf'],
    ['a GIF', 'GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'anim.gif', 'image/gif'],
    ['a ZIP (an XLSX, a DOCX)', 'PK\x03\x04\x14\x00\x00\x00', 'agreement.docx', 'application/pdf'],
    ['a Windows executable', 'MZ\x90\x00\x03\x00\x00\x00', 'photo.jpg', 'image/jpeg'],
    ['a PDF signature with the dash missing', '%PDF1.7 not really', 'x.pdf', 'application/pdf'],
    ['a PNG signature cut short', '\x89PNG\r\n', 'x.png', 'image/png'],
  ])('%s is refused with 415 and nothing is stored', async (_, content, name, type) => {
    const { client, rows } = await freshUploader();
    const keys = (await allObjectKeys()).length;
    const bytes = Uint8Array.from(content, (ch) => ch.charCodeAt(0) & 0xff);
    const res = await upload(client, bytes, name, type);
    expect(res.status).toBe(415);
    expect(res.body.error).toMatchObject({ code: 'unsupported_file_type', message: expect.stringContaining('按文件内容识别') });
    expect(await rows()).toBe(0);
    expect((await allObjectKeys()).length).toBe(keys);
  });

  it.each([
    ['a JPEG carrying an SVG with onload', () => concat(tinyJpeg(), text('<svg onload=alert(1)>'))],
    ['a PDF carrying an HTML page', async () => concat(await tinyPdf(), text('<html><body>hi</body></html>'))],
    ['a PNG carrying an iframe in mixed case', () => concat(tinyPng(), text('<IfRaMe src=//evil.example>'))],
    ['a WebP carrying a script', () => concat(webp(), text('<script>alert(1)</script>'))],
    ['a PDF whose header hides an embed tag', () => text('%PDF-1.7\n<embed src="x">\n%%EOF')],
  ])('%s (a polyglot) is refused with 415 and nothing is stored', async (_, make) => {
    const { client, rows } = await freshUploader();
    const keys = (await allObjectKeys()).length;
    const res = await upload(client, await make(), 'scan.png', 'image/png');
    expect(res.status).toBe(415);
    expect(res.body.error.code).toBe('suspicious_file');
    expect(await rows()).toBe(0);
    expect((await allObjectKeys()).length).toBe(keys);
  });

  it.each(['image/png', 'application/pdf', 'image/jpeg'])('an empty file declared %s is refused with 400', async (type) => {
    const { client, rows } = await freshUploader();
    const res = await upload(client, new Uint8Array(0), 'empty', type);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'empty_file', message: '文件为空，请重新选择' });
    expect(await rows()).toBe(0);
  });

  it('an oversize body is refused with 413 even when it claims to be small', async () => {
    const { client, rows } = await freshUploader();
    const limit = Number(env.MAX_UPLOAD_BYTES);
    const big = new Uint8Array(limit + 1024);
    big.set(tinyPng());
    const form = new FormData();
    form.append('file', new File([big], 'small.png', { type: 'image/png' }));
    const res = await send(client, 'POST', '/api/files', form);
    expect(res.status).toBe(413);
    expect(((await res.json()) as AnswerBody).error.code).toBe('file_too_large');
    expect(await rows()).toBe(0);
  });
});

describe('文件名与存储位置 (a path-like name never reaches the storage key)', () => {
  const names = [
    '../../etc/passwd',
    'a/b.png',
    '..\\..\\windows\\win.ini',
    '/absolute/path.png',
    'C:\\Users\\evil.png',
    '"; filename=evil.html',
    '.',
    '..',
    '名'.repeat(300) + '.png',
    '\u202Egnp.exe',
  ];

  it.each(names)('%j: stored under a key the server made, downloaded under a name the server made', async (name) => {
    const student = await demo('student');
    const res = await upload(student, tinyPng(), name, 'image/png');
    expect(res.status).toBe(201);
    const row = await fileRow(res.body.id);
    expect(row!.object_key).toMatch(SERVER_KEY);
    expect(row!.object_key.endsWith(res.body.id)).toBe(true);
    expect(await env.FILES.head(row!.object_key)).not.toBeNull();
    const got = await download(student, res.body.id);
    expect(got.headers.get('Content-Disposition')).toBe(`inline; filename="${res.body.id}.png"`);
    expect(got.headers.get('X-Injected')).toBeNull();
  });

  it.each(['photo\u0000.png.html', 'line\r\nX-Injected: 1.png'])(
    '%j (control characters in the name) is refused as malformed, nothing stored',
    async (name) => {
      const { client, rows } = await freshUploader();
      const keys = (await allObjectKeys()).length;
      const res = await upload(client, tinyPng(), name, 'image/png');
      // the multipart parser gives up on the part: either way a 400, and no file
      expect(res.status).toBe(400);
      expect(['bad_multipart', 'missing_file']).toContain(res.body.error.code);
      expect(await rows()).toBe(0);
      expect((await allObjectKeys()).length).toBe(keys);
    },
  );

  it('after all of the above, every object in the bucket sits under a server-made key', async () => {
    const student = await demo('student');
    for (const name of names) expect((await upload(student, tinyPng(), name, 'image/png')).status).toBe(201);
    const keys = await allObjectKeys();
    expect(keys.length).toBeGreaterThanOrEqual(names.length);
    expect(keys.filter((k) => !SERVER_KEY.test(k))).toEqual([]);
  });

  it.each(['..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'ABCDEF0123456789ABCDEF0123456789', '0'.repeat(31), '0'.repeat(33)])(
    'GET /api/files/%s is a plain 404',
    async (id) => {
      const res = await (await demo('admin')).get(`/api/files/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    },
  );
});

describe('别人的文件 (a file on another record reads like a file that does not exist)', () => {
  it("another student's proof photo, even in the same college, is a 404 with the body of a missing file", async () => {
    const dispatch = await dispatchIn('unconfirmed');
    const neighbour = await TestClient.as((await studentWithSourceRecord('approved')).username);
    const theirs = await send(neighbour, 'GET', `/api/files/${dispatch.fileId}`);
    const missing = await send(neighbour, 'GET', `/api/files/${'f'.repeat(32)}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(await missing.json());
    for (const outsider of ['student2', 'student3', 'employer', 'college2', 'school2', 'province']) {
      expect((await download(await demo(outsider), dispatch.fileId!)).status, outsider).toBe(404);
    }
    expect((await download(dispatch.student, dispatch.fileId!)).status).toBe(200);
  });

  it("another employer's upload is a 404, while its own employer reads it", async () => {
    const employer = await demo('employer');
    const mine = await upload(employer, await tinyPdf(), '营业执照.pdf', 'application/pdf');
    expect(mine.status).toBe(201);
    expect((await download(employer, mine.body.id)).status).toBe(200);
    for (const outsider of ['employer2', 'student', 'college', 'school', 'center']) {
      expect((await download(await demo(outsider), mine.body.id)).status, outsider).toBe(404);
    }
  });

  it("an employer cannot read the proof photos on the dispatch of its own agreement's student", async () => {
    const dispatch = await dispatchIn('unconfirmed');
    expect((await download(await demo('employer'), dispatch.fileId!)).status).toBe(404);
  });
});

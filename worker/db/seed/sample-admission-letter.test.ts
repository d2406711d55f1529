/**
 * The demo 升学 destination of student3 names a 录取通知书 that exists: the seeded files row is
 * attached to the record and describes exactly the bytes scripts/seed-local.ts puts into local R2.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sniffContentType } from '../../domain/files/sniff-content-type';
import { sha256Hex } from '../../lib/encoding';
import { TestClient } from '../../test/client';
import { SAMPLE_ADMISSION_LETTER as letter } from './sample-admission-letter';

describe('demo 录取通知书 of student3', () => {
  it('is a real PNG whose size and digest are the seeded files row’s, attached to the registered 升学 destination', async () => {
    const bytes = Uint8Array.from(atob(letter.base64), (c) => c.charCodeAt(0));
    expect(sniffContentType(bytes)).toBe('image/png');
    expect(bytes.length).toBe(letter.size);
    expect(await sha256Hex(bytes)).toBe(letter.sha256);

    const record = await env.DB.prepare(
      "SELECT state, json_extract(data, '$.destination') AS code, json_extract(data, '$.admissionProof') AS proof FROM records WHERE id = 'dst-stu-3'",
    ).first<{ state: string; code: string; proof: string }>();
    expect(record).toMatchObject({ state: 'registered', code: '80' });
    expect(JSON.parse(record!.proof)).toEqual([letter.id]);
    const row = await env.DB.prepare('SELECT object_key, content_type, size, sha256, record_id FROM files WHERE id = ?')
      .bind(letter.id)
      .first();
    expect(row).toEqual({
      object_key: letter.objectKey,
      content_type: 'image/png',
      size: letter.size,
      sha256: letter.sha256,
      record_id: 'dst-stu-3',
    });

    // with the bytes where seed-local puts them, student3 opens it through the files route
    await env.FILES.put(letter.objectKey, bytes, { httpMetadata: { contentType: letter.contentType } });
    const opened = await (await TestClient.as('student3')).get(`/api/files/${letter.id}`);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('content-type')).toBe('image/png');
  });
});

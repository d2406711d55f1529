import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { runBatch } from '../../db/batch';
import { newId } from '../../lib/encoding';
import { TestClient } from '../../test/client';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { attachFiles } from './attach-files';
import { actorOf, db, fileRow, upload } from './files-test-kit.fixture';
import { tinyPng } from './sample-files.fixture';
import { orphanCutoff, sweepOrphanFiles } from './sweep-orphans';

const backdate = (id: string, iso: string) => env.DB.prepare('UPDATE files SET created_at = ? WHERE id = ?').bind(iso, id).run();
const twoDaysAgo = () => new Date(Date.now() - 2 * 86_400_000).toISOString();

describe('清理未使用的上传 (the cron removes uploads nobody attached)', () => {
  it('removes an old loose upload from D1 and R2, keeps attached and fresh ones', async () => {
    const fixture = await studentWithSourceRecord('imported');
    const student = await TestClient.as(fixture.username);
    const old = (await upload(student, tinyPng())).body.id;
    const attached = (await upload(student, tinyPng())).body.id;
    const fresh = (await upload(student, tinyPng())).body.id;
    const actor = await actorOf('acc-' + fixture.studentId);
    await runBatch(db(), attachFiles(db(), { recordId: fixture.recordId, fileIds: [attached], actor }));
    await backdate(old, twoDaysAgo());
    await backdate(attached, twoDaysAgo());
    const keys = Object.fromEntries(await Promise.all([old, attached, fresh].map(async (id) => [id, (await fileRow(id))!.object_key])));

    expect(await sweepOrphanFiles(db(), env.FILES, orphanCutoff())).toBeGreaterThanOrEqual(1);

    expect(await fileRow(old)).toBeNull();
    expect(await env.FILES.head(keys[old])).toBeNull();
    expect(await fileRow(attached)).not.toBeNull();
    expect(await env.FILES.head(keys[attached])).not.toBeNull();
    expect(await fileRow(fresh)).not.toBeNull();
    expect(await env.FILES.head(keys[fresh])).not.toBeNull();
  });

  it('works through more orphans than one page', async () => {
    // written directly (not uploaded one by one) so the test stays fast under a full parallel run
    const ids = Array.from({ length: 120 }, () => newId());
    const keys = ids.map((id) => `uploads/2001/01/${id}`);
    await Promise.all(keys.map((key) => env.FILES.put(key, tinyPng())));
    await env.DB.batch(
      ids.map((id, i) =>
        env.DB.prepare(
          `INSERT INTO files (id, object_key, content_type, size, sha256, owner_id, created_at) VALUES (?, ?, 'image/png', 1, 'x', 'acc-student2', ?)`,
        ).bind(id, keys[i], twoDaysAgo()),
      ),
    );

    expect(await sweepOrphanFiles(db(), env.FILES, orphanCutoff())).toBeGreaterThanOrEqual(120);

    expect(await count('files', "owner_id = 'acc-student2' AND record_id IS NULL")).toBe(0);
    expect((await env.FILES.list({ prefix: 'uploads/2001/01/' })).objects.filter((o) => keys.includes(o.key))).toEqual([]);
  });
});

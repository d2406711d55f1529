import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../http/errors';
import { count, studentWithSourceRecord } from '../../test/fixtures';
import { db } from './files-test-kit.fixture';
import { tinyPng } from './sample-files.fixture';
import { objectKeyFor, storeUpload } from './store-upload';

async function objectsUnder(prefix: string): Promise<number> {
  let n = 0;
  let cursor: string | undefined;
  do {
    const page = await env.FILES.list({ prefix, cursor });
    n += page.objects.length;
    cursor = page.truncated ? page.cursor : undefined;
  } while (cursor);
  return n;
}

describe('写入失败不留孤儿 (a failed row insert leaves no object behind)', () => {
  it('removes the R2 object when the files row cannot be written', async () => {
    // a month nobody else writes to, so the prefix counts only this upload
    const now = new Date('2001-02-03T04:05:06Z');
    const prefix = objectKeyFor('', now);
    // the owner account does not exist: the foreign key refuses the row after the object is written
    await expect(storeUpload(db(), env.FILES, { bytes: tinyPng(), ownerId: 'acc-nobody', limit: 1024, now })).rejects.toThrow();
    expect(await objectsUnder(prefix)).toBe(0);
    expect(await count('files', 'object_key LIKE ?', prefix + '%')).toBe(0);

    const ok = await storeUpload(db(), env.FILES, { bytes: tinyPng(), ownerId: 'acc-student', limit: 1024, now });
    expect(await objectsUnder(prefix)).toBe(1);
    expect(await env.FILES.head(objectKeyFor(ok.id, now))).not.toBeNull();
  });
});

describe('上传配额在竞争中也成立 (the quota holds when uploads race)', () => {
  it('an upload whose room was taken between its check and its row is refused with 429, and its object removed', async () => {
    const fixture = await studentWithSourceRecord('imported');
    const ownerId = 'acc-' + fixture.studentId;
    const quota = { filesPerDay: 50, bytesPerDay: 100 * 1024 * 1024, looseFiles: 2 };
    await storeUpload(db(), env.FILES, { bytes: tinyPng(), ownerId, limit: 1024, quota });
    // a month nobody else writes to, so the prefix counts only this upload
    const now = new Date('2002-03-04T05:06:07Z');
    const prefix = objectKeyFor('', now);
    // the other tab's upload lands while this one is writing its bytes
    const racing = {
      put: async (...args: Parameters<R2Bucket['put']>) => {
        await storeUpload(db(), env.FILES, { bytes: tinyPng(), ownerId, limit: 1024, quota });
        return env.FILES.put(...args);
      },
      delete: (key: string) => env.FILES.delete(key),
    } as unknown as R2Bucket;

    const err = await storeUpload(db(), racing, { bytes: tinyPng(), ownerId, limit: 1024, quota, now }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ status: 429, code: 'too_many_loose_files' });
    expect(await count('files', 'owner_id = ?', ownerId)).toBe(2);
    expect(await objectsUnder(prefix)).toBe(0);
  });
});

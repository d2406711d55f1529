import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { count } from '../../test/fixtures';
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

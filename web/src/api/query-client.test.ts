import { describe, expect, it } from 'vitest';
import { ApiError } from './client';
import { invalidateAfterRecordWrite } from './invalidation';
import { makeQueryClient, shouldRetry } from './query-client';
import { queryKeys } from './query-keys';

describe('which failed loads are asked again', () => {
  it("shows a 4xx answer at once: it is the server's answer, not a failure", () => {
    for (const status of [400, 401, 403, 404, 409, 422, 429]) {
      expect(
        shouldRetry(0, new ApiError(status, status === 0 ? 'network' : status >= 500 ? 'internal' : 'invalid', '…')),
        String(status),
      ).toBe(false);
    }
  });

  it('tries a lost connection or a server error twice more, then gives up', () => {
    for (const status of [0, 500, 503]) {
      expect(shouldRetry(0, new ApiError(status, status === 0 ? 'network' : status >= 500 ? 'internal' : 'invalid', '…'))).toBe(true);
      expect(shouldRetry(1, new ApiError(status, status === 0 ? 'network' : status >= 500 ? 'internal' : 'invalid', '…'))).toBe(true);
      expect(shouldRetry(2, new ApiError(status, status === 0 ? 'network' : status >= 500 ? 'internal' : 'invalid', '…'))).toBe(false);
    }
  });

  it('does not retry a mistake in the page itself (a plain Error)', () => {
    expect(shouldRetry(0, new Error('您不能创建此类记录'))).toBe(false);
  });

  it('a 404 reaches the page after one request', async () => {
    const client = makeQueryClient();
    let calls = 0;
    await expect(
      client.query({
        queryKey: ['t'],
        queryFn: () => {
          calls += 1;
          throw new ApiError(404, 'not_found', '未找到该记录，或您无权查看');
        },
      }),
    ).rejects.toMatchObject({ status: 404, message: '未找到该记录，或您无权查看' });
    expect(calls).toBe(1);
  });

  it('a flaky network answers on the third try', async () => {
    const client = makeQueryClient();
    client.setDefaultOptions({ queries: { ...client.getDefaultOptions().queries, retryDelay: 0 } });
    let calls = 0;
    const data = await client.query({
      queryKey: ['t'],
      queryFn: () => {
        calls += 1;
        if (calls < 3) throw new ApiError(0, 'network', '网络连接失败，请检查网络后重试');
        return 'ok';
      },
    });
    expect([data, calls]).toEqual(['ok', 3]);
  });
});

describe('what a transition makes stale', () => {
  function seeded() {
    const client = makeQueryClient();
    const keys = {
      theRecord: queryKeys.record('agreements', 'a1'),
      otherRecord: queryKeys.record('agreements', 'a2'),
      waitingCount: queryKeys.records('agreements', { state: 'college_review', limit: 100 }),
      homeCard: queryKeys.records('agreements', { limit: 5 }),
      listPage: queryKeys.recordPages('agreements', { state: 'college_review', limit: 20 }),
      otherKind: queryKeys.records('invitations', { limit: 5 }),
      lifecycles: queryKeys.lifecycles('u1'),
      homeCombined: queryKeys.home('return-reason', 's1', 3),
      forms: queryKeys.forms(),
    };
    for (const key of Object.values(keys)) client.setQueryData(key, { seeded: true });
    const stale = () =>
      Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, client.getQueryState(key)?.isInvalidated ?? false]));
    return { client, stale };
  }

  it('a transition on an agreement: that agreement, every list of agreements (the home counts) and what may be created', async () => {
    const { client, stale } = seeded();
    await invalidateAfterRecordWrite(client, 'agreements', 'a1');
    expect(stale()).toEqual({
      theRecord: true,
      otherRecord: false,
      waitingCount: true,
      homeCard: true,
      listPage: true,
      otherKind: false,
      lifecycles: true,
      homeCombined: true,
      forms: false,
    });
  });

  it('accepting an invitation that creates an agreement also refreshes the lists of agreements', async () => {
    const { client, stale } = seeded();
    await invalidateAfterRecordWrite(client, 'invitations', 'i1', { kind: 'agreements', id: 'a9' });
    expect(stale()).toMatchObject({ otherKind: true, homeCard: true, waitingCount: true, theRecord: false });
  });
});

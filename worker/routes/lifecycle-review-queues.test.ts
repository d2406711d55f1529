/**
 * GET /api/lifecycles names the caller's review queues (`review`): the states it approves and
 * whether 批量通过 is offered there; the web's home links and bulk bar read only this.
 */
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { studentWithSourceRecord } from '../test/fixtures';

const reviewOf = async (username: string) => {
  const res = await (await TestClient.as(username)).get('/api/lifecycles');
  expect(res.status).toBe(200);
  return Object.fromEntries(Object.entries(res.body as Record<string, { review?: unknown }>).map(([kind, lc]) => [kind, lc.review]));
};

describe('each reviewer learns its review queues from the lifecycles answer', () => {
  it('a school reviews submitted source records and its agreements, dispatches and terminations, in bulk', async () => {
    const review = await reviewOf('school');
    expect(review['source-records']).toEqual({ states: ['submitted'], bulk: true });
    expect(review.agreements).toEqual({ states: ['school_review'], bulk: true });
    expect(review.dispatches).toEqual({ states: ['school_review'], bulk: true });
    expect(review.terminations).toEqual({ states: ['school_review'], bulk: true });
    expect(review.invitations).toBeUndefined();
  });

  it('the centre checks employer registrations one at a time; a student has no queue at all', async () => {
    expect((await reviewOf('center'))['employer-registrations']).toEqual({ states: ['pending'], bulk: false });
    expect(Object.values(await reviewOf('student')).filter((r) => r !== undefined)).toEqual([]);
  });

  it('what the queue offers the server accepts: the school approves a record of its queue state', async () => {
    const { recordId } = await studentWithSourceRecord('submitted');
    const school = await TestClient.as('school');
    const record = (await school.get(`/api/source-records/${recordId}`)).body as { version: number; actions: { name: string }[] };
    expect(record.actions.map((a) => a.name)).toContain('approve');
    const approved = await school.post(`/api/source-records/${recordId}/approve`, { version: record.version });
    expect(approved.status).toBe(200);
    expect(approved.body.state).toBe('school_approved');
  });
});

/**
 * 毕业去向登记 races (docs/architecture.md, 毕业去向登记; like worker/lifecycle/races.test.ts): a
 * graduate registering in two tabs at once ends with one record — the loser gets 409 and leaves no
 * record, audit event or attached file behind.
 */
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { bulkStudents, signInAll } from '../../test/bulk-fixtures';

const RUNS = 30;
const TIMEOUT = 600_000;

describe('two tabs register the same graduate at once', () => {
  it(
    'exactly one registration stands; the other gets 409 and writes nothing',
    async () => {
      const students = await bulkStudents(RUNS);
      const clients = await signInAll(students.map((s) => s.username));
      for (let i = 0; i < RUNS; i++) {
        const register = (code: string, reason: string) => () =>
          clients[i]!.post('/api/destinations', { data: { destination: code, notEmployedReason: reason } });
        const replies = await Promise.all([register('70', '正在求职')(), register('71', '准备考研')()]);
        expect(replies.map((r) => r.status).sort(), JSON.stringify(replies.map((r) => r.body))).toEqual([201, 409]);
        const loser = replies.find((r) => r.status === 409)!;
        expect(loser.body.error).toMatchObject({ code: 'duplicate', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
        const winner = replies.find((r) => r.status === 201)!;
        const rows = await env.DB.prepare("SELECT id, data FROM records WHERE kind = 'destinations' AND student_id = ?")
          .bind(students[i]!.studentId)
          .all<{ id: string; data: string }>();
        expect(rows.results.map((r) => r.id)).toEqual([winner.body.id]);
        expect(JSON.parse(rows.results[0]!.data).destination).toBe(winner.body.data.destination);
        const events = await env.DB.prepare("SELECT record_id, action FROM audit_events WHERE kind = 'destinations' AND actor_id = ?")
          .bind('acc-' + students[i]!.studentId)
          .all();
        expect(events.results).toEqual([{ record_id: winner.body.id, action: 'create' }]);
      }
    },
    TIMEOUT,
  );
});

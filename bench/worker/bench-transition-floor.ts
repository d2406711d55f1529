/**
 * The floor of a review transition: its two D1 round trips with the same statements and nothing
 * else (the bench's own worker only). Read: an account by a unique key (the session's read), the record, its
 * pre-chain events. Write: the guarded UPDATE of state, version and audit head, the write guard,
 * the audit event with the record's data as its snapshot, and the record and timeline read back.
 * No form, no hashing, no record view: what is left between it and an approval is the worker's JS.
 * It re-records the state the record is in, so it can run on any record, as often as wanted.
 */
export interface TransitionFloorResult {
  changed: boolean;
  events: number;
}

export async function transitionFloor(d1: D1Database, recordId: string, username: string): Promise<TransitionFloorResult | null> {
  const [, recordResult] = await d1.batch([
    d1.prepare('SELECT * FROM accounts WHERE username = ? LIMIT 1').bind(username),
    d1.prepare('SELECT * FROM records WHERE id = ? LIMIT 1').bind(recordId),
    d1.prepare('SELECT * FROM audit_events WHERE record_id = ? AND hash IS NULL').bind(recordId),
  ]);
  if (!recordResult) throw new Error('the read batch answered fewer results than it ran statements');
  const record = recordResult.results[0] as
    | { state: string; version: number; audit_head: string | null; kind: string; data: string }
    | undefined;
  if (!record) return null;
  const now = new Date().toISOString();
  const eventId = crypto.randomUUID();
  const hash = crypto.randomUUID();
  const results = await d1.batch([
    d1
      .prepare(
        'UPDATE records SET state = ?, version = ?, updated_at = ?, audit_head = ? WHERE id = ? AND state = ? AND version = ? AND audit_head IS ?',
      )
      .bind(record.state, record.version + 1, now, hash, recordId, record.state, record.version, record.audit_head),
    d1.prepare('INSERT INTO write_guards (ok) SELECT NULL WHERE changes() = 0'),
    d1
      .prepare(`INSERT INTO audit_events (id, record_id, kind, action, from_state, to_state, actor_id, actor_role, actor_name, reason, data_digest, snapshot, at, prev_hash, hash)
      VALUES (?, ?, ?, 'bench-floor', ?, ?, 'bench', 'college', '基准', NULL, ?, ?, ?, ?, ?)`)
      .bind(eventId, recordId, record.kind, record.state, record.state, hash, record.data, now, record.audit_head ?? 'pre-chain', hash),
    d1.prepare('SELECT * FROM records WHERE id = ? LIMIT 1').bind(recordId),
    d1.prepare('SELECT * FROM audit_events WHERE record_id = ? ORDER BY id').bind(recordId),
  ]);
  const [update, , , , events] = results;
  if (!update || !events) throw new Error('the write batch answered fewer results than it ran statements');
  return { changed: update.meta.changes === 1, events: events.results.length };
}

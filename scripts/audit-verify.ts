/**
 * `npm run audit:verify [-- --persist-to DIR]`: checks the audit chain of the local D1 database
 * (the one `wrangler dev` uses) with the same verifier as the admin page, and names the first
 * broken event. Exits 1 when the chain is broken.
 */
import { execFile } from 'node:child_process';
import type { ChainEvent, ChainRecord, ChainSource } from '../worker/domain/audit/verify-chain';
import { verifyAuditChain } from '../worker/domain/audit/verify-chain';

const PAGE = 1000;
const RECORDLESS_KINDS = "('forms', 'student-contacts', 'accounts')";

const persistAt = process.argv.indexOf('--persist-to');
const persistTo = persistAt > 0 ? process.argv[persistAt + 1] : undefined;
if (persistAt > 0 && persistTo === undefined) throw new Error('--persist-to needs a directory');
const persist = persistTo === undefined ? [] : ['--persist-to', persistTo];

/** Several SELECTs in one wrangler run (starting wrangler costs seconds): one result set each. */
async function query(...sqls: string[]): Promise<unknown[][]> {
  const out = await new Promise<string>((resolve, reject) => {
    execFile(
      'npx',
      ['wrangler', 'd1', 'execute', 'DB', '--local', ...persist, '--json', '--command', sqls.join(';\n')],
      {
        encoding: 'utf8',
        maxBuffer: 1 << 30,
        env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
      },
      (err, stdout, stderr) => {
        process.stderr.write(stderr);
        if (err) reject(new Error(`wrangler d1 execute failed: ${err.message}`, { cause: err }));
        else resolve(stdout);
      },
    );
  });
  return (JSON.parse(out) as Array<{ results: unknown[] }>).map((r) => r.results);
}

const quote = (s: string) => `'${s.replace(/'/g, "''")}'`;

const EVENT_COLUMNS = `id, record_id AS recordId, kind, action, from_state AS fromState, to_state AS toState, actor_id AS actorId,
  actor_role AS actorRole, actor_name AS actorName, reason, data_digest AS dataDigest, snapshot, at, prev_hash AS prevHash, hash`;
const RECORD_COLUMNS = 'id, kind, state, data, audit_head AS auditHead, updated_at AS updatedAt';

// Read together with the first page, so a small database costs one wrangler run.
const [recordless, orphans] = (await query(
  `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE kind IN ${RECORDLESS_KINDS} ORDER BY id`,
  `SELECT ${EVENT_COLUMNS} FROM audit_events e
    WHERE NOT EXISTS (SELECT 1 FROM records r WHERE r.id = e.record_id) AND e.kind NOT IN ${RECORDLESS_KINDS} ORDER BY id LIMIT 100`,
)) as [ChainEvent[], ChainEvent[]];

const source: ChainSource = {
  async *pages() {
    let after = '';
    for (;;) {
      const page = `SELECT id FROM records WHERE id > ${quote(after)} ORDER BY id LIMIT ${PAGE}`;
      const [records, events] = (await query(
        `SELECT ${RECORD_COLUMNS} FROM records WHERE id IN (${page}) ORDER BY id`,
        `SELECT ${EVENT_COLUMNS} FROM audit_events WHERE record_id IN (${page}) ORDER BY id`,
      )) as [ChainRecord[], ChainEvent[]];
      const lastRecord = records.at(-1);
      if (lastRecord) yield { records, events };
      if (!lastRecord || records.length < PAGE) return;
      after = lastRecord.id;
    }
  },
  recordless: () => Promise.resolve(recordless),
  orphans: () => Promise.resolve(orphans),
};

const report = await verifyAuditChain(source);
console.log(
  `已检查 ${report.records} 条记录、${report.events} 个审计事件（其中 ${report.hashedEvents} 个在哈希链上，${report.preChainRecords} 条记录只有启用哈希链之前的事件）。`,
);
if (report.ok) {
  console.log('审计链完整：没有发现被改动或删除的事件。');
} else if (report.firstBroken) {
  const b = report.firstBroken;
  console.log(`审计链已被破坏，共 ${report.problems.length} 条记录有问题。第一个损坏的事件：`);
  console.log(`  记录 ${b.recordId}（${b.kind}）  事件 ${b.eventId ?? '（无）'}  时间 ${b.at ?? '（未知）'}`);
  console.log(`  问题：${b.message} [${b.code}]`);
  process.exitCode = 1;
}

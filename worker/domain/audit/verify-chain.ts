/**
 * Checks the audit chain and names the first broken event. One module for the admin page (through
 * the worker) and for `npm run audit:verify` (in Node, reading the local database): both only
 * supply rows.
 *
 * Per record: the hashed events must form one unbroken line from the genesis value (or from the seal
 * of the events written before the chain existed) to the record's head; each event's snapshot must
 * match its digest and its content its hash; and the last event must describe the record as it is
 * now (same data digest, same state), so editing the record row directly shows too.
 */
import { canonicalJson } from '../../lib/canonical-json';
import { sha256Hex } from '../../lib/encoding';
import { eventHash, preChainSeal } from './event-hash';

export interface ChainEvent {
  id: string;
  recordId: string;
  kind: string;
  action: string;
  fromState: string | null;
  toState: string;
  actorId: string;
  actorRole: string;
  actorName: string;
  reason: string | null;
  dataDigest: string;
  snapshot: string | null;
  at: string;
  prevHash: string | null;
  hash: string | null;
}

export interface ChainRecord {
  id: string;
  kind: string;
  state: string;
  /** the record's data as stored: parsed, or the JSON text straight from SQL */
  data: unknown;
  auditHead: string | null;
  updatedAt: string;
}

export type ProblemCode =
  | 'snapshot_altered'
  | 'event_altered'
  | 'chain_broken'
  | 'chain_forked'
  | 'pre_chain_altered'
  | 'head_mismatch'
  | 'events_missing'
  | 'data_mismatch'
  | 'state_mismatch'
  | 'record_missing';

export interface ChainProblem {
  recordId: string;
  kind: string;
  /** the event named as broken; null when none is left to name (all deleted) */
  eventId: string | null;
  at: string | null;
  code: ProblemCode;
  message: string;
}

const MESSAGES: Record<ProblemCode, string> = {
  snapshot_altered: '事件的数据快照与其摘要不符（快照被改动）',
  event_altered: '事件内容与其哈希不符（事件被改动）',
  chain_broken: '事件与前一事件的哈希不相连（之前的事件被删除、插入或改动）',
  chain_forked: '两个事件接在同一个前序事件之后（链被分叉）',
  pre_chain_altered: '启用哈希链之前的事件（或其后第一个哈希事件）被改动或删除',
  head_mismatch: '记录的链头与最后一个事件不符（之后的事件被删除）',
  events_missing: '记录有链头，但其审计事件已全部缺失',
  data_mismatch: '记录的当前数据与最后一个事件的快照不符（记录数据被直接改动）',
  state_mismatch: '记录的当前状态与最后一个事件不符（状态被直接改动）',
  record_missing: '事件所属的记录已不存在（记录被删除）',
};

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function problem(subject: { recordId: string; kind: string }, event: ChainEvent | null, code: ProblemCode): ChainProblem {
  return {
    recordId: subject.recordId,
    kind: subject.kind,
    eventId: event?.id ?? null,
    at: event?.at ?? null,
    code,
    message: MESSAGES[code],
  };
}

function parsed(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * The first problem of one record's chain, or null when it verifies. `record` is null for a
 * subject with no record row (a form definition): then only the links are checked.
 */
export async function verifyRecordChain(
  subject: { recordId: string; kind: string },
  record: ChainRecord | null,
  events: ChainEvent[],
): Promise<ChainProblem | null> {
  const preChain = events.filter((e) => e.hash === null).sort(byId);
  const hashed = events.filter((e) => e.hash !== null).sort(byId);

  const successors = new Map<string, ChainEvent[]>();
  for (const e of hashed) successors.set(e.prevHash ?? '', [...(successors.get(e.prevHash ?? '') ?? []), e]);

  const start = await preChainSeal(preChain.map((e) => ({ ...e })));
  let link = start;
  let last: ChainEvent | null = null;
  const reached = new Set<string>();
  for (;;) {
    const [e, fork] = successors.get(link) ?? [];
    if (!e) break;
    if (fork) return problem(subject, fork, 'chain_forked');
    if (reached.has(e.id)) break;
    if (e.snapshot === null || (await sha256Hex(e.snapshot)) !== e.dataDigest) return problem(subject, e, 'snapshot_altered');
    if ((await eventHash({ ...e, prevHash: link })) !== e.hash) return problem(subject, e, 'event_altered');
    reached.add(e.id);
    last = e;
    link = e.hash;
  }
  const stray = hashed.find((e) => !reached.has(e.id));
  if (stray) return problem(subject, stray, last === null && preChain.length > 0 ? 'pre_chain_altered' : 'chain_broken');
  if (!record) return null;

  if (hashed.length === 0) {
    if (record.auditHead !== null) return problem(subject, preChain.at(-1) ?? null, 'events_missing');
  } else if (record.auditHead !== link) {
    return problem(subject, last, 'head_mismatch');
  }
  // The latest event must describe the record as it stands. Events from before the chain carry no
  // trustworthy digest, so their snapshot is compared instead.
  const latest = last ?? preChain.at(-1) ?? null;
  if (!latest) return null;
  const current = canonicalJson(parsed(record.data));
  const matches = last
    ? (await sha256Hex(current)) === latest.dataDigest
    : latest.snapshot === null || canonicalJson(parsed(latest.snapshot)) === current;
  if (!matches) return problem(subject, latest, 'data_mismatch');
  if (latest.toState !== record.state) return problem(subject, latest, 'state_mismatch');
  return null;
}

export interface ChainSource {
  /** records in pages, each with all of its events */
  pages(): AsyncIterable<{ records: ChainRecord[]; events: ChainEvent[] }>;
  /** events of subjects that have no record row by design (form definitions) */
  recordless(): Promise<ChainEvent[]>;
  /** events whose record row is gone */
  orphans(): Promise<ChainEvent[]>;
  /**
   * A fresh read of one record and its events. A live system keeps writing while the verifier
   * pages through it, so a record that looks broken is read again before it is reported.
   */
  recheck?(recordId: string): Promise<{ record: ChainRecord | null; events: ChainEvent[] }>;
}

export interface ChainReport {
  ok: boolean;
  records: number;
  events: number;
  hashedEvents: number;
  /** records whose history is all from before the chain existed (sealed at their next event) */
  preChainRecords: number;
  /** the earliest broken event over the whole database */
  firstBroken: ChainProblem | null;
  /** the first problem of each broken record, earliest first (at most 100) */
  problems: ChainProblem[];
  checkedAt: string;
}

const earliest = (a: ChainProblem, b: ChainProblem) =>
  (a.at ?? '') < (b.at ?? '') ? -1 : (a.at ?? '') > (b.at ?? '') ? 1 : (a.eventId ?? '') < (b.eventId ?? '') ? -1 : 1;

/** The events of each record, in the order given; a record listed has at least one. */
function groupByRecord(events: ChainEvent[]): Map<string, [ChainEvent, ...ChainEvent[]]> {
  const out = new Map<string, [ChainEvent, ...ChainEvent[]]>();
  for (const e of events) {
    const own = out.get(e.recordId);
    if (own) own.push(e);
    else out.set(e.recordId, [e]);
  }
  return out;
}

export async function verifyAuditChain(source: ChainSource): Promise<ChainReport> {
  const problems: ChainProblem[] = [];
  let records = 0,
    events = 0,
    hashedEvents = 0,
    preChainRecords = 0;
  const count = (list: ChainEvent[]) => {
    events += list.length;
    hashedEvents += list.filter((e) => e.hash !== null).length;
  };

  for await (const page of source.pages()) {
    const grouped = groupByRecord(page.events);
    count(page.events);
    for (const record of page.records) {
      records++;
      const own = grouped.get(record.id) ?? [];
      if (own.length > 0 && own.every((e) => e.hash === null)) preChainRecords++;
      let found = await verifyRecordChain({ recordId: record.id, kind: record.kind }, record, own);
      if (found && source.recheck) {
        const fresh = await source.recheck(record.id);
        found = fresh.record ? await verifyRecordChain({ recordId: record.id, kind: record.kind }, fresh.record, fresh.events) : null;
      }
      if (found) problems.push(found);
    }
  }
  const recordless = await source.recordless();
  count(recordless);
  for (const [recordId, own] of groupByRecord(recordless)) {
    const found = await verifyRecordChain({ recordId, kind: own[0].kind }, null, own);
    if (found) problems.push(found);
  }
  const orphans = await source.orphans();
  count(orphans);
  for (const [recordId, own] of groupByRecord(orphans)) {
    problems.push(problem({ recordId, kind: own[0].kind }, own.sort(byId)[0], 'record_missing'));
  }

  problems.sort(earliest);
  return {
    ok: problems.length === 0,
    records,
    events,
    hashedEvents,
    preChainRecords,
    firstBroken: problems[0] ?? null,
    problems: problems.slice(0, 100),
    checkedAt: new Date().toISOString(),
  };
}

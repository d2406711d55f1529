/**
 * `npm run bench [-- --students N]`: the signing-season benchmark. Starts the real worker in
 * workerd through wrangler's dev pipeline (bench/worker-process.ts) on a fresh local D1/R2, fills it with N students (default 100,000) and their
 * signing records, measures over loopback and writes bench/results/latest.json.
 * Every throughput and latency target is a ratio to the floor measured in the same run.
 */
import { jobTerms } from '../worker/test/job-terms';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, totalmem, platform, release } from 'node:os';
import { allFields } from '../forms/engine';
import type { FormDefinition } from '../forms/engine/types';
import {
  approveBlockSize,
  benchIdNumber,
  benchRecordId,
  benchRosterCsv,
  benchSchoolId,
  placement,
  sourceStateOf,
} from './worker/bench-data';
import {
  atLeast,
  atMost,
  floorFigures,
  formatTable,
  median,
  p99VsFloor,
  reported,
  summary,
  throughputOnVsOff,
  throughputVsFloor,
  type Figure,
  type Floor,
} from './figures';
import { measureFormCost } from './form-cost';
import { measureFormKeystroke } from './form-keystroke';
import { Caller } from './http';
import { approvalRounds } from './approval-rounds';
import { load } from './load';
import { freshState, startServer, type BenchServer } from './server';
import { firstLoadJsGzip } from './web-size';
import { BENCH_NOTIFICATIONS_HEADER } from './worker/notifications-header';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  return value || fallback;
}
const STUDENTS = Number(arg('students', '100000'));
const DURATION = Number(arg('duration', '10'));
const CONNECTIONS = Number(arg('connections', '10'));
const SKIP_BUILD = process.argv.includes('--no-build');
const KEEP = process.argv.includes('--keep');
const FONT = arg('font', '');
const WITH_INSPECTOR = process.argv.includes('--with-inspector');
if (!Number.isInteger(STUDENTS) || STUDENTS < 100) throw new Error('--students must be an integer ≥ 100');

const COHORT = 2027;
/** 就业统计 of a school aggregates thousands of graduates in one GROUP BY: a fraction of the point read's pace */
const STATISTICS_VS_FLOOR = 0.25;
// a call builds its rows in memory: keep it well inside an isolate's 128 MB
const GENERATE_CHUNK = 2_000;
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);
const seconds = (since: number) => (performance.now() - since) / 1000;

interface RecordAnswer {
  id: string;
  version: number;
  data: Record<string, unknown>;
}

/** The demo employer invites the demo student, who accepts: a real agreement with a real timeline. */
async function realAgreement(baseUrl: string) {
  const employer = await Caller.signIn(baseUrl, 'employer');
  const student = await Caller.signIn(baseUrl, 'student');
  const draft = (await employer.json('POST', '/api/invitations', { studentId: 'stu-1', data: {} })) as RecordAnswer;
  const sent = (await employer.json('POST', `/api/invitations/${draft.id}/send`, {
    version: draft.version,
    data: { ...draft.data, ...jobTerms() },
  })) as RecordAnswer;
  await student.json('POST', `/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
  const list = (await student.json('GET', '/api/agreements?state=college_review')) as { items: { id: string }[] };
  const [waiting] = list.items;
  if (!waiting) throw new Error('the accepted invitation left no agreement waiting for the college');
  const agreement = (await student.json('GET', `/api/agreements/${waiting.id}`)) as RecordAnswer;
  return { student, agreementId: agreement.id, data: agreement.data };
}

function sample<T>(n: number, pick: (k: number) => T | null): T[] {
  const out: T[] = [];
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const v = pick(Math.floor(Math.random() * STUDENTS));
    if (v !== null) out.push(v);
  }
  return out;
}

function cycle<T>(items: T[]): () => T {
  let i = 0;
  return () => {
    const item = items[i++ % items.length];
    if (item === undefined) throw new Error('nothing to cycle through');
    return item;
  };
}

function gitCommit(): string {
  try {
    const sha = execFileSync('git', ['rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { encoding: 'utf8' }).trim() !== '';
    return dirty ? `${sha} (with uncommitted changes)` : sha;
  } catch {
    return 'unknown';
  }
}

function machine() {
  const { version: wrangler } = JSON.parse(readFileSync('node_modules/wrangler/package.json', 'utf8')) as { version: string };
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    wrangler,
  };
}

async function main() {
  const figures: Figure[] = [];
  const notes: Record<string, unknown> = {};
  if (!SKIP_BUILD) {
    log('building the web app (production build)');
    execFileSync('npm', ['run', '--silent', 'build'], { stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const web = firstLoadJsGzip('dist/web');

  log(`fresh local D1/R2, migrated and seeded`);
  const state = freshState(FONT ? { font: FONT } : {});
  const { stateDir } = state;
  let server: BenchServer | null = await startServer(state, { withInspector: WITH_INSPECTOR });
  const { baseUrl } = server;
  try {
    const template = await realAgreement(baseUrl);
    const base = Date.now() - 120 * 86400_000;
    const shape = { students: STUDENTS, approveBlock: approveBlockSize(STUDENTS) };

    log(`generating ${STUDENTS.toLocaleString()} students with their signing records`);
    const genStart = performance.now();
    const bench = new Caller(baseUrl);
    const orgs = (await bench.json('POST', '/api/bench/organisations', { students: STUDENTS })) as { schools: number; employers: number };
    let records = 0;
    for (let from = 0; from < STUDENTS; from += GENERATE_CHUNK) {
      const body = { students: STUDENTS, from, count: GENERATE_CHUNK, base, cohortYear: COHORT, agreementTemplate: template.data };
      // a chunk is one D1 batch (all or nothing), so one that met a restarted isolate is sent again
      const r = (await bench.json('POST', '/api/bench/students', body).catch((err: unknown) => {
        if (!(err instanceof Error) || !err.message.includes(': 503 ')) throw err;
        log(`  chunk at ${from} met a restarted worker; sending it again`);
        return bench.json('POST', '/api/bench/students', body);
      })) as { records: number };
      records += r.records;
      if ((from / GENERATE_CHUNK) % 50 === 49)
        log(`  ${(from + GENERATE_CHUNK).toLocaleString()} students, ${Math.round((from + GENERATE_CHUNK) / seconds(genStart))}/s`);
    }
    const generation = seconds(genStart);
    const databaseBytes = d1Bytes(stateDir);
    notes.data = {
      students: STUDENTS,
      schools: orgs.schools,
      employers: orgs.employers,
      records,
      generationSeconds: Number(generation.toFixed(1)),
      databaseMiB: Math.round(databaseBytes / 2 ** 20),
      bytesPerStudent: Math.round(databaseBytes / STUDENTS),
    };
    log(`generated ${records.toLocaleString()} records in ${generation.toFixed(1)} s`);

    const approved = sample(5000, (i) => (sourceStateOf(shape, i) === 'approved' ? i : null));
    const idNumbers = approved.map(benchIdNumber);

    // warm every isolate-level cache first (forms, font, JIT), then measure
    const warm = async (path: string, headers?: Record<string, string>) => {
      for (let k = 0; k < 3; k++) await fetch(baseUrl + path, { headers });
    };

    log('floor: one indexed point read');
    const nextKey = cycle(idNumbers);
    await load({ url: baseUrl, next: () => ({ path: `/api/bench/floor?key=${nextKey()}` }), duration: 2, connections: CONNECTIONS });
    const floorRun = await load({
      url: baseUrl,
      next: () => ({ path: `/api/bench/floor?key=${nextKey()}` }),
      duration: DURATION,
      connections: CONNECTIONS,
    });
    const floor: Floor = { rps: floorRun.rps, p50: floorRun.p50, p99: floorRun.p99 };
    figures.push(...floorFigures(floor));

    log('employer lookup by school + cohort + ID number');
    const employer = await Caller.signIn(baseUrl, 'bench-employer');
    const lookups = approved.map(
      (i) =>
        `/api/students/lookup?school=${benchSchoolId(placement(shape, i).school)}&cohort=${i % 5 === 0 ? COHORT - 1 : COHORT}&idNumber=${benchIdNumber(i)}`,
    );
    const nextLookup = cycle(lookups);
    await load({ url: baseUrl, headers: employer.headers(), next: () => ({ path: nextLookup() }), duration: 2, connections: CONNECTIONS });
    const lookup = await load({
      url: baseUrl,
      headers: employer.headers(),
      next: () => ({ path: nextLookup() }),
      duration: DURATION,
      connections: CONNECTIONS,
    });
    if (lookup.non2xx > 0) throw new Error(`lookup: ${lookup.non2xx} answers were not 2xx`);
    figures.push(p99VsFloor(`employer lookup p99 at ${STUDENTS.toLocaleString()} students`, lookup.p99, floor, 1.5));

    log('student record read (record with actions and timeline)');
    const recordPath = `/api/agreements/${template.agreementId}`;
    await warm(recordPath, template.student.headers());
    const read = await load({
      url: baseUrl,
      headers: template.student.headers(),
      next: () => ({ path: recordPath }),
      duration: DURATION,
      connections: CONNECTIONS,
    });
    if (read.non2xx > 0) throw new Error(`record read: ${read.non2xx} answers were not 2xx`);
    figures.push(throughputVsFloor('student record read req/s', read.rps, floor, 0.5));

    log('review transition: the college approves agreements 待学院审核, notifications on and off in alternating rounds');
    const college = await Caller.signIn(baseUrl, 'bench-college');
    const approveIds = Array.from({ length: shape.approveBlock }, (_, i) => benchRecordId(base, i, 2));
    const nextApprove = cycle(approveIds);
    // about DURATION seconds of work at the floor's pace: each record can be approved once
    const approveAmount = Math.min(approveIds.length, Math.max(400, Math.round(floor.rps * DURATION)));
    const rounds = await approvalRounds({
      url: baseUrl,
      // only the bench's entry honours the header: the request runs as with NOTIFICATIONS = "off" (docs/deploy.md)
      headers: (mode) =>
        college.headers({ 'Content-Type': 'application/json', ...(mode === 'off' ? { [BENCH_NOTIFICATIONS_HEADER]: 'off' } : {}) }),
      next: nextApprove,
      amount: approveAmount,
      rounds: 8,
      // twice over the block (put back between): one pass's ±4 % between runs was as large as the cost measured
      passes: 2,
      again: async () => {
        await bench.json('POST', '/api/bench/approvals-again', { ids: approveIds });
      },
      connections: CONNECTIONS,
    });
    const approve = { rps: rounds.on.ok / rounds.on.seconds, requests: rounds.on.requests + rounds.off.requests };
    const approveOff = rounds.off.ok / rounds.off.seconds;
    figures.push(throughputVsFloor('review transition (approve) req/s', approve.rps, floor, 0.5));
    figures.push(throughputOnVsOff('review transition with notifications on vs off', approve.rps, approveOff, 0.95));
    notes.notificationRounds = {
      approvalsPerRound: rounds.perRound,
      warmUpPerMode: rounds.warmUpPerMode,
      reqPerSecond: rounds.rounds.map((r) => `${r.mode} ${r.run.rps.toFixed(1)}`),
    };

    // the same records again through the approval's two round trips alone: what D1 leaves for the JS
    log('review transition floor: its two D1 round trips with nothing else');
    const nextFloorRecord = cycle(approveIds);
    const transitionFloor = await load({
      url: baseUrl,
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      next: () => ({ path: '/api/bench/transition-floor', body: JSON.stringify({ id: nextFloorRecord() }) }),
      amount: approve.requests,
      connections: CONNECTIONS,
    });
    if (transitionFloor.non2xx > 0 || transitionFloor.errors > 0)
      throw new Error(`transition floor: ${transitionFloor.non2xx} non-2xx, ${transitionFloor.errors} errors`);
    figures.push(
      reported(
        'review transition floor: its two D1 round trips alone',
        transitionFloor.rps / floor.rps,
        '× floor req/s',
        `${transitionFloor.rps.toFixed(1)} req/s: the most an approval could reach here with no JavaScript at all`,
      ),
    );
    figures.push(reported('review transition vs its floor', approve.rps / transitionFloor.rps, '× transition floor req/s'));

    log('keyset pagination of the province queue');
    const province = await Caller.signIn(baseUrl, 'province');
    const page = Math.min(1000, Math.floor(STUDENTS / 20 / 2));
    const { cursor } = (await bench.json('GET', `/api/bench/cursor?kind=source-records&offset=${(page - 1) * 20 - 1}`)) as {
      cursor: string;
    };
    const queueSeconds = Math.max(3, DURATION / 2);
    const queueLoad = (caller: Caller, path: string) =>
      load({ url: baseUrl, headers: caller.headers(), next: () => ({ path }), duration: queueSeconds, connections: CONNECTIONS });
    type QueueRun = Awaited<ReturnType<typeof queueLoad>>;
    const answered = (r: QueueRun) => r.requests > 0 && r.non2xx === 0 && r.errors === 0;
    // a page that takes longer than the run never answers: say so rather than let 0 ms pass for fast
    const show = (r: QueueRun) =>
      answered(r)
        ? `${r.rps.toFixed(1)} req/s`
        : r.requests === 0
          ? `no answer within ${queueSeconds} s (${r.errors} errors/timeouts)`
          : `${r.rps.toFixed(1)} req/s, ${r.errors} errors/timeouts, ${r.non2xx} non-2xx`;
    const pageFigures = async (label: string) => {
      const first = await queueLoad(province, '/api/source-records?limit=20');
      const deep = await queueLoad(province, `/api/source-records?limit=20&cursor=${cursor}`);
      figures.push(reported(`queue page 1 p50 ${label}`, first.p50, 'ms', show(first)));
      figures.push(reported(`queue page ${page} p50 ${label}`, deep.p50, 'ms', show(deep)));
      const ratio = answered(first) && answered(deep) && first.p50 > 0 ? deep.p50 / first.p50 : Infinity;
      figures.push({
        ...atMost(`queue page ${page} vs page 1 ${label}`, ratio, '×', 1.5, 'keyset: page N costs what page 1 does'),
        ...(ratio === Infinity ? { value: -1, detail: 'a page timed out or failed' } : {}),
      });
      return first;
    };
    const before = await pageFigures(`(${STUDENTS.toLocaleString()} source records, schema as migrated)`);
    const proposed = (await bench.json('POST', '/api/bench/proposed-indexes')) as { applied: unknown };
    notes.proposedIndexes = proposed.applied;
    const after = await pageFigures('(with the proposed index records_kind_id)');
    notes.queueFirstPageSpeedup = before.rps > 0 ? Number((after.rps / before.rps).toFixed(1)) : null;
    // the scoped queues: a college's own agreements in one state, and in every state (its 全部 tab)
    for (const [label, path] of [
      ['one state', '/api/agreements?state=college_review&limit=20'],
      ['every state', '/api/agreements?limit=20'],
    ] as const) {
      const run = await queueLoad(college, path);
      if (run.non2xx > 0) throw new Error(`college queue (${label}): ${run.non2xx} non-2xx`);
      figures.push(reported(`college queue page 1 p50, ${label}`, run.requests > 0 ? run.p50 : -1, 'ms', show(run)));
    }

    // 就业统计: one school's cohort grouped by college (its ~students/schools graduates), and the whole province's
    log('就业统计: a school by college, the province by origin');
    const statisticsSchool = await Caller.signIn(baseUrl, 'bench-school');
    const schoolStatistics = await queueLoad(statisticsSchool, `/api/statistics?cohort=${COHORT}&by=college`);
    if (!answered(schoolStatistics)) throw new Error(`school statistics: ${show(schoolStatistics)}`);
    figures.push(
      throughputVsFloor(
        `就业统计 of a school (${Math.round((STUDENTS / orgs.schools) * 0.8).toLocaleString()} graduates of the cohort, by college) req/s`,
        schoolStatistics.rps,
        floor,
        STATISTICS_VS_FLOOR,
      ),
    );
    // the whole province is one person's question, asked one at a time: one connection
    const provinceStatistics = await load({
      url: baseUrl,
      headers: province.headers(),
      next: () => ({ path: `/api/statistics?cohort=${COHORT}&by=origin` }),
      duration: queueSeconds,
      connections: 1,
    });
    figures.push(
      reported(
        `就业统计 of the province (${Math.round(STUDENTS * 0.8).toLocaleString()} graduates, by origin, one connection) p50`,
        answered(provinceStatistics) ? provinceStatistics.p50 : -1,
        'ms',
        show(provinceStatistics),
      ),
    );

    log('agreement PDF, four copies, Chinese font');
    const pdfPath = `/api/agreements/${template.agreementId}/pdf`;
    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    for (let k = 0; k < 28; k++) {
      const t0 = performance.now();
      const res = await fetch(baseUrl + pdfPath, { headers: template.student.headers() });
      const body = new Uint8Array(await res.arrayBuffer());
      if (!res.ok) throw new Error(`pdf: ${res.status}`);
      if (k >= 3) pdfTimes.push(performance.now() - t0);
      pdfBytes = body.length;
    }
    figures.push(
      atMost(
        'agreement PDF median (request, in workerd)',
        median(pdfTimes),
        'ms',
        100,
        `min ${Math.min(...pdfTimes).toFixed(1)} ms, max ${Math.max(...pdfTimes).toFixed(1)} ms over ${pdfTimes.length}`,
      ),
    );
    figures.push(atMost('agreement PDF size', pdfBytes / 1024, 'KB', 150));

    log('agreement form keystroke in Chromium');
    // student3: 省级通过 with no agreement, so the offline agreement form opens
    // the shipped form, padded in the browser to the 60 fields the target names
    const keystroke = await measureFormKeystroke(baseUrl, 'student3');
    const { definition } = (await template.student.json('GET', '/api/forms/agreement')) as { definition: FormDefinition };
    const sorted = [...keystroke.samples].sort((a, b) => a - b);
    figures.push(
      atMost(
        `agreement form keystroke (${keystroke.formFields} fields in the form: ${allFields(definition).length} shipped + padding; ${keystroke.fields} on the step, median)`,
        median(keystroke.samples),
        'ms',
        16,
        `p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)} ms, max ${sorted[sorted.length - 1]?.toFixed(1)} ms over ${sorted.length}`,
      ),
    );

    // the import route takes at most 20,000 rows per file: a school uploads 100,000 as five files
    const rows = Math.min(100_000, STUDENTS);
    const perFile = 20_000;
    log(`source-record import: ${rows.toLocaleString()} rows as the school, ${Math.ceil(rows / perFile)} files`);
    const school = await Caller.signIn(baseUrl, 'bench-school');
    let importSeconds = 0;
    let csvBytes = 0;
    const fileSeconds: number[] = [];
    try {
      for (let first = 0; first < rows; first += perFile) {
        const n = Math.min(perFile, rows - first);
        const csv = benchRosterCsv(STUDENTS + 1_000 + first, n, COHORT);
        csvBytes += csv.length;
        const form = new FormData();
        form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
        const t0 = performance.now();
        const res = await fetch(baseUrl + '/api/source-records/import', { method: 'POST', headers: school.headers(), body: form });
        const imported = (await res.json()) as { created?: number };
        const took = seconds(t0);
        fileSeconds.push(took);
        importSeconds += took;
        if (!res.ok || imported.created !== n)
          throw new Error(`import: ${res.status} created ${imported.created} of ${n}; ${JSON.stringify(imported).slice(0, 300)}`);
      }
      figures.push(
        atLeast(
          'source-record import',
          rows / importSeconds,
          'rows/s',
          10_000,
          `${rows.toLocaleString()} rows (${(csvBytes / 2 ** 20).toFixed(1)} MiB CSV) in ${importSeconds.toFixed(1)} s; files of ${Math.min(perFile, rows).toLocaleString()}: ${fileSeconds.map((t) => t.toFixed(1)).join(', ')} s`,
        ),
      );
      // the floor: the import's own inserts of as many new rows, with nothing parsed, validated or hashed
      const floorRows = Math.min(perFile, rows);
      const tf = performance.now();
      await bench.json('POST', '/api/bench/import-floor', { first: STUDENTS + 1_000 + rows, count: floorRows, cohortYear: COHORT });
      figures.push(
        reported(
          'source-record import floor: its four inserts alone (no parse, validation or hashing)',
          floorRows / seconds(tf),
          'rows/s',
          `${floorRows.toLocaleString()} rows in one batch in ${seconds(tf).toFixed(1)} s`,
        ),
      );
      // the same last file again: parsing, validating and looking up every row, but nothing to write
      const again = benchRosterCsv(STUDENTS + 1_000 + rows - Math.min(perFile, rows), Math.min(perFile, rows), COHORT);
      const form = new FormData();
      form.append('file', new Blob([again], { type: 'text/csv' }), 'roster.csv');
      const t1 = performance.now();
      const res = await fetch(baseUrl + '/api/source-records/import', { method: 'POST', headers: school.headers(), body: form });
      await res.arrayBuffer();
      figures.push(
        reported('source-record re-import, nothing to write (parse + validate + look up)', Math.min(perFile, rows) / seconds(t1), 'rows/s'),
      );
    } catch (err) {
      figures.push({
        name: 'source-record import',
        value: 0,
        unit: 'rows/s',
        target: '≥ 10000 rows/s',
        met: false,
        detail: String(err).slice(0, 300),
      });
    }

    figures.push(
      atMost(
        'web first-load JS (gzip)',
        web.bytes / 1024,
        'KB',
        200,
        web.files.map((f) => `${f.file.replace(/^\/assets\//, '')} ${(f.gzip / 1024).toFixed(1)} KB`).join(', '),
      ),
    );

    await server.stop();
    server = null;
    notes.queryPlans = queryPlans(stateDir, template.agreementId);

    // in-process, with the server stopped: the worst form definition the checker accepts (also `npm run bench:form-cost`)
    log('form validation cost: worst accepted definitions, largest body');
    figures.push(...(await measureFormCost()).figures);
  } catch (err) {
    if (server) console.error(server.output().slice(-4000));
    throw err;
  } finally {
    if (server) await server.stop();
    if (!KEEP) execFileSync('rm', ['-rf', state.dir]);
    else log(`state kept in ${state.dir}`);
  }

  const result = {
    generatedAt: new Date().toISOString(),
    students: STUDENTS,
    ...(FONT ? { font: FONT } : {}),
    connections: CONNECTIONS,
    durationSeconds: DURATION,
    server: WITH_INSPECTOR ? 'wrangler dev (DevTools inspector attached)' : 'wrangler unstable_startWorker (no inspector)',
    commit: gitCommit(),
    machine: machine(),
    figures,
    notes,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/latest.json', JSON.stringify(result, null, 2) + '\n');
  console.log('\n' + formatTable(figures));
  const { met, missed } = summary(figures);
  console.log(`\n${met} targets met${missed.length ? `, missed: ${missed.join('; ')}` : ''}. Written to bench/results/latest.json`);
}

/** The local D1 file (with its write-ahead log): what a student costs of D1's 10 GB. */
function d1Bytes(stateDir: string): number {
  const dir = join(stateDir, 'v3', 'd1', 'miniflare-D1DatabaseObject');
  return readdirSync(dir)
    .filter((f) => /^[0-9a-f]{64}\.sqlite(-wal)?$/.test(f))
    .reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

/** EXPLAIN QUERY PLAN of the hot reads, against the data just measured. */
function queryPlans(stateDir: string, agreementId: string): Record<string, string[]> {
  const plans: Record<string, string> = {
    lookup: `SELECT s.id FROM students s JOIN schools ON schools.id = s.school_id JOIN colleges ON colleges.id = s.college_id WHERE s.school_id = 'bsch-1' AND s.cohort = ${COHORT} AND s.source_state = 'approved' AND s.id_number = '${benchIdNumber(1)}' LIMIT 5`,
    queuePage: `SELECT r.id FROM records r LEFT JOIN students s ON s.id = r.student_id WHERE r.kind = 'source-records' AND r.id < 'ffff' ORDER BY r.id DESC LIMIT 21`,
    collegeQueue: `SELECT r.id FROM records r WHERE r.kind = 'agreements' AND r.college_id = 'bcol-0-0' AND r.state = 'college_review' ORDER BY r.id DESC LIMIT 21`,
    collegeEveryState: `SELECT r.id FROM records r WHERE r.kind = 'agreements' AND r.college_id = 'bcol-0-0' ORDER BY r.id DESC LIMIT 21`,
    studentQueue: `SELECT r.id FROM records r WHERE r.kind = 'agreements' AND r.student_id = 'bstu-1' ORDER BY r.id DESC LIMIT 21`,
    employerQueue: `SELECT r.id FROM records r WHERE r.kind = 'invitations' AND r.employer_id = 'bemp-1' ORDER BY r.id DESC LIMIT 21`,
    timeline: `SELECT * FROM audit_events WHERE record_id = '${agreementId}' ORDER BY id`,
    session: `SELECT a.id FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.id = 'x' AND s.expires_at > '2026'`,
    // 就业统计: a school's signed graduates by college (worker/db/statistics.ts), its scope's index, not records_college_order
    schoolStatisticsSigned: `SELECT +r.college_id, COUNT(*) FROM records r WHERE r.kind = 'agreements' AND r.state = 'approved' AND r.school_id = '${benchSchoolId(0)}' AND r.cohort = ${COHORT} GROUP BY 1`,
  };
  const out: Record<string, string[]> = {};
  for (const [name, sql] of Object.entries(plans)) {
    const rows = execFileSync(
      process.execPath,
      [
        'node_modules/wrangler/bin/wrangler.js',
        'd1',
        'execute',
        'DB',
        '--local',
        '--persist-to',
        stateDir,
        '--json',
        '--command',
        `EXPLAIN QUERY PLAN ${sql}`,
      ],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    out[name] = (JSON.parse(rows) as Array<{ results: Array<{ detail: string }> }>).flatMap((r) => r.results.map((x) => x.detail));
  }
  return out;
}

await main();
process.exit(0);

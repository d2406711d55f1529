/**
 * `npm run bench:notifications [-- --students N --rounds R --passes P]`: the `review transition with
 * notifications on vs off` figure of `npm run bench` on its own, on a fresh local D1 with N
 * generated students (default 20,000): the floor, then the college's approvals, P passes over the
 * block of agreements 待学院审核 (default 3; put back between passes): in each, one unmeasured
 * round of each mode, then R alternating rounds (default 16: on off off on, off on on off, repeated;
 * bench/approval-rounds.ts), notifications on and off, with the
 * server's CPU per approval of each round (/proc). `--on sweep`: the on rounds queue nothing from
 * the request. Prints each round and the on/off ratio; writes bench/results/notifications-latest.json.
 */
import { jobTerms } from '../worker/test/job-terms';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { approveBlockSize, benchIdNumber, benchRecordId } from './worker/bench-data';
import { Caller } from './http';
import { approvalRounds } from './approval-rounds';
import { load } from './load';
import { freshState, startServer } from './server';
import { BENCH_NOTIFICATIONS_HEADER } from './worker/notifications-header';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  const value = i > 0 ? process.argv[i + 1] : undefined;
  return value ?? fallback;
}
const STUDENTS = Number(arg('students', '20000'));
const ROUNDS = Number(arg('rounds', '16'));
// passes over the block of agreements: between two, the bench's own route puts them back to 待学院审核
const PASSES = Number(arg('passes', '3'));
const CONNECTIONS = Number(arg('connections', '10'));
// --on sweep: the "on" rounds write the notifications but queue nothing from the request (NOTIFY_FROM_REQUEST off)
const ON = arg('on', 'as-deployed');
const COHORT = 2027;
const CHUNK = 2_000;
const log = (...a: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...a);

/** CPU seconds (user + system) of every process in the group: wrangler, workerd and its local D1. */
function groupCpuSeconds(group: number | undefined): number {
  if (group === undefined) return NaN;
  let ticks = 0;
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      // fields after the command's closing parenthesis: state ppid pgrp … utime(14) stime(15)
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(f[2]) === group) ticks += Number(f[11]) + Number(f[12]);
    } catch {
      /* exited */
    }
  }
  return ticks / 100;
}

async function main() {
  const state = freshState();
  const server = await startServer(state);
  const { baseUrl } = server;
  try {
    const bench = new Caller(baseUrl);
    await bench.json('POST', '/api/bench/organisations', { students: STUDENTS });
    // the agreement data every generated agreement carries: a real one, as `npm run bench` makes it
    const employer = await Caller.signIn(baseUrl, 'employer');
    const student = await Caller.signIn(baseUrl, 'student');
    type Rec = { id: string; version: number; data: Record<string, unknown> };
    const draft = (await employer.json('POST', '/api/invitations', { studentId: 'stu-1', data: {} })) as Rec;
    const sent = (await employer.json('POST', `/api/invitations/${draft.id}/send`, {
      version: draft.version,
      data: { ...draft.data, ...jobTerms() },
    })) as Rec;
    await student.json('POST', `/api/invitations/${sent.id}/accept`, { version: sent.version, data: {} });
    const list = (await student.json('GET', '/api/agreements?state=college_review')) as { items: Rec[] };
    const template = ((await student.json('GET', `/api/agreements/${list.items[0]?.id ?? ''}`)) as Rec).data;
    const base = Date.now() - 120 * 86400_000;
    for (let from = 0; from < STUDENTS; from += CHUNK) {
      await bench.json('POST', '/api/bench/students', {
        students: STUDENTS,
        from,
        count: CHUNK,
        base,
        cohortYear: COHORT,
        agreementTemplate: template,
      });
    }
    log(`generated ${STUDENTS.toLocaleString()} students`);

    const keys = Array.from({ length: 2000 }, (_, i) => benchIdNumber((i * 7) % STUDENTS));
    let k = 0;
    const nextKey = () => keys[k++ % keys.length] ?? '';
    await load({ url: baseUrl, next: () => ({ path: `/api/bench/floor?key=${nextKey()}` }), duration: 2, connections: CONNECTIONS });
    const floor = await load({
      url: baseUrl,
      next: () => ({ path: `/api/bench/floor?key=${nextKey()}` }),
      duration: 5,
      connections: CONNECTIONS,
    });
    log(`floor ${floor.rps.toFixed(0)} req/s`);

    const college = await Caller.signIn(baseUrl, 'bench-college');
    const ids = Array.from({ length: approveBlockSize(STUDENTS) }, (_, i) => benchRecordId(base, i, 2));
    let at = 0;
    const cpu = { on: 0, off: 0 };
    const perRoundRps: string[] = [];
    const totals = await approvalRounds({
      url: baseUrl,
      headers: (mode) =>
        college.headers({
          'Content-Type': 'application/json',
          ...(mode === 'off' ? { [BENCH_NOTIFICATIONS_HEADER]: 'off' } : ON === 'sweep' ? { [BENCH_NOTIFICATIONS_HEADER]: 'sweep' } : {}),
        }),
      next: () => ids[at++ % ids.length] ?? '',
      amount: ids.length,
      rounds: ROUNDS,
      passes: PASSES,
      again: async () => {
        await bench.json('POST', '/api/bench/approvals-again', { ids });
      },
      connections: CONNECTIONS,
      measure: async (mode, round) => {
        const cpu0 = groupCpuSeconds(server.processGroup);
        const run = await round();
        const cpuMs = ((groupCpuSeconds(server.processGroup) - cpu0) * 1000) / run.ok;
        cpu[mode] += cpuMs * run.ok;
        perRoundRps.push(`${mode} ${run.rps.toFixed(1)} req/s ${cpuMs.toFixed(2)} ms CPU`);
        log(`  ${mode} ${run.rps.toFixed(1)} req/s, ${cpuMs.toFixed(2)} ms of the server's CPU per approval`);
        return run;
      },
    });
    const perRound = totals.perRound;
    const on = totals.on.ok / totals.on.seconds;
    const off = totals.off.ok / totals.off.seconds;
    const [messages] = server.sql(
      'SELECT (SELECT count(*) FROM notifications) AS notifications, (SELECT count(*) FROM notification_outbox) AS outbox',
    );
    const result = {
      generatedAt: new Date().toISOString(),
      students: STUDENTS,
      connections: CONNECTIONS,
      approvalsPerRound: perRound,
      passes: PASSES,
      on:
        ON === 'sweep'
          ? 'notification rows written, nothing queued from the request (NOTIFY_FROM_REQUEST off)'
          : 'as deployed: the notifications written in the transition; their e-mail and SMS rows are the sweep’s',
      floorReqPerSecond: Number(floor.rps.toFixed(1)),
      onReqPerSecond: Number(on.toFixed(1)),
      offReqPerSecond: Number(off.toFixed(1)),
      onVsOff: Number((on / off).toFixed(3)),
      cpuMsPerApproval: { on: Number((cpu.on / totals.on.ok).toFixed(3)), off: Number((cpu.off / totals.off.ok).toFixed(3)) },
      rounds: perRoundRps,
      written: messages,
      commit: execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim(),
    };
    writeFileSync('bench/results/notifications-latest.json', JSON.stringify(result, null, 2) + '\n');
    console.log(JSON.stringify(result));
  } catch (err) {
    console.error(server.output().slice(-4000));
    throw err;
  } finally {
    await server.stop();
    execFileSync('rm', ['-rf', state.dir]);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);

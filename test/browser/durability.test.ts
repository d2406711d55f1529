/**
 * Mid-season, the local server is stopped and started again on the same state directory: every
 * record, session, audit event and uploaded file is still there, the audit chain still verifies,
 * and applying the migrations again changes nothing.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tinyPng } from '../../worker/domain/files/sample-files.fixture';
import { ApiClient, applyMigrations, seed, startServer, type LocalServer } from './local-server';

const DIR = `.tmp/durability-${process.pid}`;
// unset when beforeAll failed before the server started
let server: LocalServer | undefined;

beforeAll(async () => {
  rmSync(DIR, { recursive: true, force: true });
  applyMigrations(DIR);
  seed(DIR);
  server = await startServer(DIR);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(DIR, { recursive: true, force: true });
  rmSync(`${DIR}.log`, { force: true });
}, 30_000);

async function uploadAs(client: ApiClient, bytes: Uint8Array, name: string, type: string) {
  const form = new FormData();
  form.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>], { type }), name);
  return client.request('POST', '/api/files', undefined, { body: form });
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('stopping and restarting the local server mid-season', () => {
  it('loses nothing: records, sessions, audit chain and file bytes; migrations re-applied are a no-op', async () => {
    // Season work: student2 checks and submits the source record, the school approves it, and
    // the student uploads a photo to R2.
    let base = server!.baseUrl;
    const student = await ApiClient.signIn(base, 'student2');
    const school = await ApiClient.signIn(base, 'school');
    const admin = await ApiClient.signIn(base, 'admin');
    const record = await student.request('GET', '/api/source-records/src-stu-2');
    expect(record.status).toBe(200);
    const submitted = await student.request('POST', '/api/source-records/src-stu-2/submit', {
      version: record.body.version,
      data: { ...record.body.data, mobile: '13900001111' },
    });
    expect(submitted.status).toBe(200);
    const approved = await school.request('POST', '/api/source-records/src-stu-2/approve', { version: submitted.body.version });
    expect(approved.status).toBe(200);
    const photo = tinyPng();
    const uploaded = await uploadAs(student, photo, '协议书照片.png', 'image/png');
    expect(uploaded.status).toBe(201);

    const before = (await school.request('GET', '/api/source-records/src-stu-2')).body;
    const chainBefore = (await admin.request('GET', '/api/audit/verify')).body;
    expect(chainBefore).toMatchObject({ ok: true });
    expect(chainBefore.hashedEvents).toBeGreaterThanOrEqual(2);

    await server!.stop();
    // While it is down: the command-line check reads the same files and finds the chain intact
    // (it exits non-zero otherwise), and applying the migrations again has nothing to do.
    const cli = execFileSync('npx', ['tsx', 'scripts/audit-verify.ts', '--persist-to', DIR], { encoding: 'utf8' });
    expect(cli).toContain('审计链完整');
    expect(applyMigrations(DIR)).toMatch(/No migrations to apply/i);

    server = await startServer(DIR);
    base = server.baseUrl;
    // The same cookies still work: sessions live in D1, not in the process.
    for (const c of [student, school, admin]) c.useServer(base);
    const after = await school.request('GET', '/api/source-records/src-stu-2');
    expect(after.status).toBe(200);
    expect(after.body).toEqual(before);
    expect(after.body).toMatchObject({ state: 'school_approved', data: { mobile: '13900001111' } });

    const file = await student.request('GET', `/api/files/${uploaded.body.id}`);
    expect(file.status).toBe(200);
    expect(sha256(file.bytes)).toBe(uploaded.body.sha256);
    expect(file.bytes).toEqual(photo);

    const chainAfter = (await admin.request('GET', '/api/audit/verify')).body;
    expect(chainAfter).toMatchObject({
      ok: true,
      records: chainBefore.records,
      events: chainBefore.events,
      hashedEvents: chainBefore.hashedEvents,
    });
  }, 240_000);
});

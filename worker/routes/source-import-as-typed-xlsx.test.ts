/**
 * The XLSX roster fixture (real Excel dates) on its own, in this file's own storage: 27 created,
 * 3 refused; the CSV of the same students afterwards changes nothing.
 */
import * as XLSX from '@e965/xlsx';
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { TestClient } from '../test/client';
import { count } from '../test/fixtures';
import { workerFetch } from '../test/worker-fetch';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
const ROSTER_CSV = () => fromBase64(env.TEST_ROSTER_CSV);
const ROSTER_XLSX = () => fromBase64(env.TEST_ROSTER_XLSX);

async function upload(client: TestClient, bytes: Uint8Array | string, name = 'roster.csv') {
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const res = await workerFetch(new Request('https://wangqian.test/api/source-records/import', {
    method: 'POST', body: form, headers: { Cookie: (client as unknown as { cookie: string }).cookie, Origin: 'https://wangqian.test' },
  }));
  return { status: res.status, body: (await res.json()) as any };
}

async function storedData(idNumber: string): Promise<Record<string, unknown>> {
  const row = await env.DB.prepare("SELECT data FROM records WHERE kind = 'source-records' AND json_extract(data, '$.idNumber') = ?").bind(idNumber).first<{ data: string }>();
  return JSON.parse(row!.data);
}

function expectTheThreeRefusedRows(errors: any[]) {
  expect(errors.map((e) => [e.row, e.field])).toEqual([[5, 'idNumber'], [13, 'name'], [21, 'originRegion']]);
  expect(errors[0]).toMatchObject({ name: '马思远', idNumber: '440305200508024290', column: '身份证号', value: '440305200508024290', accepted: expect.stringContaining('18 位') });
  expect(errors[0].message).toContain('不是有效的身份证号');
  expect(errors[1]).toMatchObject({ idNumber: '440305200509153218', column: '姓名', message: '请填写姓名' });
  expect(errors[1].name).toBeUndefined();
  expect(errors[2]).toMatchObject({ name: '朱梓萱', idNumber: '440305200503169227', column: '生源所在地', value: '火星市奥林匹斯区' });
  expect(errors[2].message).toContain('火星市奥林匹斯区');
  expect(errors[2].accepted).toContain('江苏省南京市玄武区');
}

describe('the XLSX roster as typed', () => {
  it('the XLSX on its own (real Excel dates) imports the same 27 and refuses the same 3 rows', async () => {
    const school = await TestClient.as('school');
    const before = await count('students');
    const res = await upload(school, ROSTER_XLSX(), 'roster.xlsx');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ created: 27, updated: 0, unchanged: 0 });
    expect(await count('students')).toBe(before + 27);
    expectTheThreeRefusedRows(res.body.errors);
    expect(await storedData('320106200501097192')).toMatchObject({ birthDate: '2005-01-09', enrollmentDate: '2023-09-01', graduationDate: '2027-06-30' });
    const csv = await upload(school, ROSTER_CSV());
    expect(csv.body).toMatchObject({ created: 0, updated: 0, unchanged: 27 });
    expectTheThreeRefusedRows(csv.body.errors);
  });
});

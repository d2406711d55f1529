/**
 * The school's roster import as the tests drive it: an upload through the real route, the shipped
 * rosters of `test/fixtures/` (given to workerd as base64 bindings), and what both fixture files
 * must refuse.
 */
import { env } from 'cloudflare:workers';
import { expect } from 'vitest';
import type { TestClient } from './client';
import type { AnswerBody } from './answer-body';

const fromBase64 = (b64: string) => Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
export const ROSTER_CSV = () => fromBase64(env.TEST_ROSTER_CSV);
export const ROSTER_XLSX = () => fromBase64(env.TEST_ROSTER_XLSX);

/** `POST /api/source-records/import` with one file, as the import page sends it. */
export async function upload(client: TestClient, bytes: Uint8Array | string, name = 'roster.csv') {
  const { status, body } = await client.upload('/api/source-records/import', bytes, name);
  return { status, body: body };
}

/** The source record's data as stored, by 身份证号. */
export async function storedData(idNumber: string): Promise<Record<string, unknown>> {
  const row = await env.DB.prepare("SELECT data FROM records WHERE kind = 'source-records' AND json_extract(data, '$.idNumber') = ?")
    .bind(idNumber)
    .first<{ data: string }>();
  return JSON.parse(row!.data);
}

/** The 4th, 12th and 20th students of the fixture rosters, refused with their reasons. */
export function expectTheThreeRefusedRows(errors: AnswerBody[]) {
  expect(errors.map((e) => [e.row, e.field])).toEqual([
    [5, 'idNumber'],
    [13, 'name'],
    [21, 'originRegion'],
  ]);
  expect(errors[0]).toMatchObject({
    name: '马思远',
    idNumber: '440305200508024290',
    column: '身份证号',
    value: '440305200508024290',
    accepted: expect.stringContaining('18 位'),
  });
  expect(errors[0].message).toContain('身份证号无效');
  expect(errors[1]).toMatchObject({ idNumber: '440305200509153218', column: '姓名', message: '请填写姓名' });
  expect(errors[1].name).toBeUndefined();
  expect(errors[2]).toMatchObject({ name: '朱梓萱', idNumber: '440305200503169227', column: '生源所在地', value: '火星市奥林匹斯区' });
  expect(errors[2].message).toContain('火星市奥林匹斯区');
  expect(errors[2].accepted).toContain('江苏省南京市玄武区');
}

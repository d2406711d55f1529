/**
 * Helpers for the upload tests: multipart and raw bodies through the real worker entry (every
 * middleware of worker/app.ts included), with the session cookie of a signed-in TestClient.
 */
import { env } from 'cloudflare:workers';
import type { Actor } from '../../auth/actor';
import { findAccountById, toActor } from '../../db/accounts';
import { openDb } from '../../db/client';
import type { TestClient } from '../../test/client';
import { workerFetch } from '../../test/worker-fetch';

const ORIGIN = 'https://wangqian.test';

const cookieOf = (client: TestClient | null) => (client ? (client as unknown as { cookie: string }).cookie : '');

export async function send(client: TestClient | null, method: string, path: string, body?: BodyInit, headers: Record<string, string> = {}) {
  const all: Record<string, string> = { Origin: ORIGIN, ...headers };
  const cookie = cookieOf(client);
  if (cookie) all.Cookie = cookie;
  return workerFetch(new Request(ORIGIN + path, { method, body, headers: all }));
}

/** Uploads like a browser form would: the name and declared type are the client's to choose. */
export async function upload(client: TestClient | null, bytes: Uint8Array, name = 'upload.bin', type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new File([bytes], name, { type }));
  const res = await send(client, 'POST', '/api/files', form);
  return {
    status: res.status,
    body: await res.json<{ id: string; contentType: string; sha256: string; error: { code: string; message: string } }>(),
  };
}

export async function download(client: TestClient | null, id: string) {
  const res = await send(client, 'GET', `/api/files/${id}`);
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

export const db = () => openDb(env.DB);

export async function actorOf(accountId: string): Promise<Actor> {
  const row = await findAccountById(db(), accountId);
  if (!row) throw new Error(`no account ${accountId}`);
  return toActor(row);
}

export async function fileRow(id: string) {
  return env.DB.prepare('SELECT * FROM files WHERE id = ?').bind(id).first<{
    object_key: string;
    owner_id: string;
    record_id: string | null;
    content_type: string;
    size: number;
    sha256: string;
    created_at: string;
  }>();
}

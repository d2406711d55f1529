/**
 * Session cookies: a random token in an HttpOnly, Secure, SameSite=Strict signed cookie; the
 * database keeps only its SHA-256, so a leaked table does not leak sessions. A new token is made
 * at every login (no fixation) and a logout deletes the row.
 */
import type { Context } from 'hono';
import { deleteCookie, setSignedCookie } from 'hono/cookie';
import { deleteSession, insertSession } from '../db/accounts';
import type { Db } from '../db/client';
import { randomBytes, sha256Hex, toBase64Url } from '../lib/encoding';
import { readSignedCookie } from './signed-cookie';

export const SESSION_COOKIE = 'wq_session';
const SESSION_HOURS = 12;

const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

export async function startSession(c: Context, db: Db, secret: string, accountId: string): Promise<string> {
  const token = toBase64Url(randomBytes(32));
  const sessionId = await sha256Hex(token);
  const expires = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await insertSession(db, sessionId, accountId, expires.toISOString());
  await setSignedCookie(c, SESSION_COOKIE, token, secret, { ...cookieOptions, expires });
  return sessionId;
}

/** The session id the cookie names, if its signature holds; whether the session is live is the database's to say. */
export async function sessionIdFromCookie(c: Context, secret: string): Promise<string | null> {
  const token = await readSignedCookie(c, SESSION_COOKIE, secret);
  return token ? sha256Hex(token) : null;
}

export async function endSession(c: Context, db: Db, sessionId: string | null) {
  if (sessionId) await deleteSession(db, sessionId);
  deleteCookie(c, SESSION_COOKIE, cookieOptions);
}

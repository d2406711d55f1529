/**
 * The signed-in session of one request, read from the database on first use. A handler that must
 * read something before it can answer (a record) reads it in the same round trip as the session,
 * so a record read is one round trip and a transition two.
 */
import { sessionActorRead } from '../db/accounts';
import { runReads, type BatchedRead } from '../db/batch';
import type { Db } from '../db/client';
import type { Actor } from './actor';

export interface LiveSession {
  actor: Actor;
  sessionId: string;
}

export class RequestSession {
  #resolved: Promise<LiveSession | null> | undefined;

  /** `sessionId`: from a cookie whose signature held, or null without one */
  constructor(
    private readonly db: Db,
    private readonly sessionId: string | null,
  ) {}

  /** The live session (unexpired, its account found), or null. */
  resolve(): Promise<LiveSession | null> {
    this.#resolved ??=
      this.sessionId === null ? Promise.resolve(null) : runReads(this.db, this.#sessionRead(this.sessionId)).then(([session]) => session);
    return this.#resolved;
  }

  /**
   * The live session and `read`, in one round trip. Without a session cookie nothing is read:
   * the caller answers 401 either way.
   */
  async resolveWith<T>(read: BatchedRead<T>): Promise<[LiveSession | null, T | undefined]> {
    if (this.sessionId === null) return [null, undefined];
    if (this.#resolved) return [await this.#resolved, (await runReads(this.db, read))[0]];
    const both = runReads(this.db, this.#sessionRead(this.sessionId), read);
    this.#resolved = both.then(([session]) => session);
    return both;
  }

  #sessionRead(sessionId: string): BatchedRead<LiveSession | null> {
    const read = sessionActorRead(this.db, sessionId, new Date().toISOString());
    return {
      statements: read.statements,
      read: (results) => {
        const actor = read.read(results);
        return actor ? { actor, sessionId } : null;
      },
    };
  }
}

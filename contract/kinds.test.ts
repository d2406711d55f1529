/** The record kinds are one list: the worker's lifecycles and the web's kinds are that list. */
import { describe, expect, it } from 'vitest';
import { KINDS as WEB_KINDS } from '../web/src/api/types';
import { KINDS as WORKER_KINDS } from '../worker/lifecycle/types';
import { isKind, KINDS } from './kinds';

describe('the record kinds', () => {
  it('are the same list on both sides, by construction', () => {
    expect(WEB_KINDS).toBe(KINDS);
    expect(WORKER_KINDS).toBe(KINDS);
  });

  it('name a lifecycle kind and nothing else (the audit page links records of these kinds only)', () => {
    expect(KINDS.every(isKind)).toBe(true);
    expect(isKind('forms')).toBe(false);
    expect(isKind('accounts')).toBe(false);
    expect(isKind(undefined)).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { keyedHash } from './keyed-hash';
import { newSigningCode, normaliseSigningCode, SIGNING_CODE_ALPHABET } from './signing-code';

describe('signing codes', () => {
  it('are 8 characters without look-alikes, different each time', () => {
    const codes = Array.from({ length: 200 }, newSigningCode);
    for (const code of codes) expect(code).toMatch(/^[2-9A-HJ-NP-Z]{8}$/);
    expect(new Set(codes).size).toBe(200);
    expect(SIGNING_CODE_ALPHABET).toHaveLength(32);
    expect(SIGNING_CODE_ALPHABET).not.toMatch(/[01IO]/);
  });

  it('accept what an employer types: lower case, a dash, spaces; nothing else', () => {
    expect(normaliseSigningCode('7k3m-q9xa')).toBe('7K3MQ9XA');
    expect(normaliseSigningCode(' 7K3M Q9XA ')).toBe('7K3MQ9XA');
    expect(normaliseSigningCode('7K3MQ9X')).toBeNull();
    expect(normaliseSigningCode('7K3MQ9X0')).toBeNull();
    expect(normaliseSigningCode('7K3MQ9XA1')).toBeNull();
  });
});

describe('keyed hashes', () => {
  it('are stable for one secret and purpose, and differ across purposes and secrets', async () => {
    const a = await keyedHash('secret-1', 'lookup-identifier', 'idNumber:320106200503151236');
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await keyedHash('secret-1', 'lookup-identifier', 'idNumber:320106200503151236')).toBe(a);
    expect(await keyedHash('secret-1', 'lookup-ip', 'idNumber:320106200503151236')).not.toBe(a);
    expect(await keyedHash('secret-2', 'lookup-identifier', 'idNumber:320106200503151236')).not.toBe(a);
  });
});

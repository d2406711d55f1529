import { describe, expect, it } from 'vitest';
import { fontFormat } from './agreement-font';

const bytes = (...b: number[]) => new Uint8Array([...b, 0, 0, 0, 0]);

describe('the agreement font may have CFF or TrueType outlines', () => {
  it('tells the formats by their first four bytes', () => {
    expect(fontFormat(bytes(0x4f, 0x54, 0x54, 0x4f))).toBe('cff'); // 'OTTO'
    expect(fontFormat(bytes(0x00, 0x01, 0x00, 0x00))).toBe('truetype');
    expect(fontFormat(bytes(0x74, 0x72, 0x75, 0x65))).toBe('truetype'); // 'true'
  });

  it('refuses what the assets answer for a missing file (the single-page app falls back to index.html)', () => {
    expect(fontFormat(new TextEncoder().encode('<!doctype html><html>'))).toBeNull();
    expect(fontFormat(new Uint8Array(2))).toBeNull();
  });
});

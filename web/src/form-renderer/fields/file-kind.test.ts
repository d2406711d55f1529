import { describe, expect, it } from 'vitest';
import { fileKind, stepIndex } from './file-kind';

describe('attachments show as a thumbnail or a PDF icon', () => {
  it('by the uploaded type when known, else as an image until it fails to load as one', () => {
    expect(fileKind('image/png', false)).toBe('image');
    expect(fileKind('application/pdf', false)).toBe('pdf');
    expect(fileKind(undefined, false)).toBe('image');
    expect(fileKind(undefined, true)).toBe('pdf');
  });

  it('the viewer goes round at both ends', () => {
    expect(stepIndex(2, 1, 3)).toBe(0);
    expect(stepIndex(0, -1, 3)).toBe(2);
    expect(stepIndex(1, 1, 3)).toBe(2);
    expect(stepIndex(0, 1, 0)).toBe(0);
  });
});

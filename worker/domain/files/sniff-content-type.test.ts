import { describe, expect, it } from 'vitest';
import { containsMarkup } from './detect-polyglot';
import { concat, text, tinyJpeg, tinyPdf, tinyPng } from './sample-files.fixture';
import { sniffContentType } from './sniff-content-type';

describe('文件类型按内容识别 (type decided by the bytes)', () => {
  it('recognises JPEG, PNG, WebP and PDF by their magic numbers', async () => {
    expect(sniffContentType(tinyJpeg())).toBe('image/jpeg');
    expect(sniffContentType(tinyPng())).toBe('image/png');
    expect(sniffContentType(concat(text('RIFF'), new Uint8Array([0x24, 0, 0, 0]), text('WEBPVP8 ')))).toBe('image/webp');
    expect(sniffContentType(await tinyPdf())).toBe('application/pdf');
  });

  it('refuses everything else, including near misses', () => {
    expect(sniffContentType(text('hello, I am really a text file'))).toBeNull();
    expect(sniffContentType(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(sniffContentType(concat(text('RIFF'), new Uint8Array(4), text('WAVE')))).toBeNull(); // a RIFF that is audio
    expect(sniffContentType(text('PK\u0003\u0004'))).toBeNull(); // zip / docx
    expect(sniffContentType(new Uint8Array([0xff, 0xd8]))).toBeNull(); // truncated JPEG signature
    expect(sniffContentType(text(' %PDF-1.7'))).toBeNull(); // the signature must be at the start
    expect(sniffContentType(new Uint8Array(0))).toBeNull();
  });

  it('spots markup hidden in the first kilobyte of an image or PDF', () => {
    expect(containsMarkup(concat(tinyPng(), text('<ScRiPt>alert(1)</script>')))).toBe(true);
    expect(containsMarkup(text('%PDF-1.4\n<html><body>x</body></html>'))).toBe(true);
    expect(containsMarkup(tinyPng())).toBe(false);
    expect(containsMarkup(tinyJpeg())).toBe(false);
  });
});

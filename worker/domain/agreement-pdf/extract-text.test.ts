import { describe, expect, it } from 'vitest';
import { extractPdfText, parseToUnicode } from './extract-text';

async function deflate(text: string): Promise<Uint8Array> {
  const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** A hand-made PDF body: one Flate content stream, one Flate ToUnicode CMap, one plain stream. */
async function pdfOf(content: string, cmap: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  const ascii = (s: string) => parts.push(Uint8Array.from(s, (ch) => ch.charCodeAt(0)));
  ascii('%PDF-1.7\n');
  for (const [i, body] of [await deflate(content), await deflate(cmap)].entries()) {
    ascii(`${i + 1} 0 obj\n<< /Filter /FlateDecode /Length ${body.length} >>\nstream\n`);
    parts.push(body);
    ascii('\nendstream\nendobj\n');
  }
  ascii('3 0 obj\n<< /Length 17 >>\nstream\nBT <0001> Tj ET\n\nendstream\nendobj\n%%EOF\n');
  return new Uint8Array(parts.flatMap((p) => [...p]));
}

const CMAP = `/CIDInit /ProcSet findresource begin
begincmap
2 beginbfchar
<0001> <4E2D>
<0002> <6587>
endbfchar
1 beginbfchar
<0005> <D840DC00>
endbfchar
1 beginbfrange
<0003> <0004> <5803>
endbfrange
endcmap`;

describe('extractPdfText', () => {
  it('inflates streams and maps Identity-H CIDs through the ToUnicode CMap', async () => {
    const pdf = await pdfOf('BT /F0 12 Tf 1 0 0 1 10 10 Tm <00010002> Tj [<0003> -20 <0004>] TJ <0005>Tj ET', CMAP);
    expect(await extractPdfText(pdf)).toEqual(['中文', '堃堄', '𠀀', '中']);
  });

  it('marks a CID the CMap does not know instead of dropping it', async () => {
    const pdf = await pdfOf('BT <00010009> Tj ET', CMAP);
    expect((await extractPdfText(pdf))[0]).toBe('中\ufffd');
  });

  it('reads bfrange arrays', () => {
    const map = parseToUnicode(['1 beginbfrange\n<0010> <0011> [<674E> <5A67>]\nendbfrange']);
    expect(map.get('0010')).toBe('李');
    expect(map.get('0011')).toBe('婧');
  });
});

/**
 * Test helper: reads back the text a PDF shows, so tests can check what the agreement PDF really
 * says rather than trusting the code that drew it. It understands what pdf-lib writes for an
 * embedded font: Flate-compressed streams, text shown with hex strings of 2-byte CIDs (Identity-H)
 * by `Tj` / `TJ`, and the font's ToUnicode CMap (bfchar / bfrange) mapping CIDs back to Unicode.
 * Not a general PDF parser: literal-string text, other encodings and several fonts with
 * conflicting CIDs are out of scope.
 */

const STREAM_START = /\d+\s+\d+\s+obj\s*(<<[\s\S]{0,4000}?>>)\s*stream\r?\n/g;

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

async function inflate(data: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** Every stream of the file, decompressed when it is Flate-encoded. */
export async function pdfStreams(pdf: Uint8Array): Promise<string[]> {
  const text = latin1(pdf);
  const out: string[] = [];
  STREAM_START.lastIndex = 0;
  for (let m = STREAM_START.exec(text); m; m = STREAM_START.exec(text)) {
    const [whole, dict = ''] = m;
    const start = m.index + whole.length;
    const declared = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
    const end = declared ? start + Number(declared[1]) : text.indexOf('endstream', start);
    if (end < start) break;
    const raw = pdf.subarray(start, end);
    out.push(latin1(/\/FlateDecode/.test(dict) ? await inflate(raw) : raw));
    STREAM_START.lastIndex = end; // skip the binary data: it may contain anything
  }
  return out;
}

function utf16be(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

/** CID (4 hex digits, lower case) → Unicode text, from every ToUnicode CMap in the file. */
export function parseToUnicode(cmaps: string[]): Map<string, string> {
  const map = new Map<string, string>();
  const key = (n: number) => n.toString(16).padStart(4, '0');
  for (const cmap of cmaps) {
    for (const [, block = ''] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, src = '', dst = ''] of block.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]*)>/g))
        map.set(key(parseInt(src, 16)), utf16be(dst));
    }
    for (const [, block = ''] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, lo = '', hi = '', dst = '', list] of block.matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:<([0-9a-fA-F]+)>|\[([^\]]*)\])/g,
      )) {
        const from = parseInt(lo, 16);
        const to = parseInt(hi, 16);
        if (list !== undefined) {
          const items = Array.from(list.matchAll(/<([0-9a-fA-F]*)>/g), ([, hex = '']) => utf16be(hex));
          for (let cid = from; cid <= to; cid++) {
            const item = items[cid - from];
            if (item === undefined) break;
            map.set(key(cid), item);
          }
        } else {
          // the last UTF-16 unit of the destination counts up through the range
          const units = dst.match(/.{4}/g) ?? [];
          const last = parseInt(units[units.length - 1] ?? '0', 16);
          for (let cid = from; cid <= to; cid++) {
            map.set(key(cid), utf16be(units.slice(0, -1).join('') + (last + cid - from).toString(16).padStart(4, '0')));
          }
        }
      }
    }
  }
  return map;
}

function decodeCids(hex: string, toUnicode: Map<string, string>): string {
  let out = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) out += toUnicode.get(hex.slice(i, i + 4).toLowerCase()) ?? '\ufffd';
  return out;
}

/** The text of each `Tj` / `TJ` of every content stream, in file order. */
export async function extractPdfText(pdf: Uint8Array): Promise<string[]> {
  const streams = await pdfStreams(pdf);
  const toUnicode = parseToUnicode(streams.filter((s) => s.includes('begincmap')));
  const runs: string[] = [];
  for (const s of streams) {
    if (s.includes('begincmap')) continue;
    // a TJ array holds hex strings and numbers only, never a ']'
    for (const m of s.matchAll(/<([0-9a-fA-F\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ/g)) {
      const [, tj, tjArray = ''] = m;
      const hex = tj ?? Array.from(tjArray.matchAll(/<([0-9a-fA-F\s]*)>/g), ([, part = '']) => part).join('');
      runs.push(decodeCids(hex.replace(/\s+/g, ''), toUnicode));
    }
  }
  return runs;
}

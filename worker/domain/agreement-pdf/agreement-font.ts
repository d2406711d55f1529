/**
 * The CJK font of the agreement PDF (Noto Sans SC/Hans, OFL-1.1). At 8–10 MB it cannot live in the
 * worker bundle (< 1 MiB gzip), so the build copies it into the static assets (scripts/copy-font.mjs)
 * and the worker reads it through the ASSETS binding. It is fetched and parsed once per isolate; a
 * failed load is forgotten so the next request tries again.
 *
 * Either outline format works. TrueType (glyf) outlines subset several times faster than CFF ones
 * (a CFF subset re-walks the font's 22,293 subroutines on every document): copy-font.mjs prefers
 * the TrueType Noto Sans SC when it is installed and falls back to the CFF Noto Sans Hans.
 */
import * as fontkit from 'fontkit';
import type { FontkitFont } from 'fontkit';
import type { PDFDocument } from '@cantoo/pdf-lib';
import { AppError } from '../../http/errors';

export const FONT_ASSET_URL = 'https://assets.local/fonts/agreement-cjk.font';

type PdfFontkit = Parameters<PDFDocument['registerFontkit']>[0];

export interface AgreementFont {
  /** the raw font file (OpenType CFF or TrueType), handed to `embedFont` */
  bytes: Uint8Array;
  /** the parsed font, for measuring text without pdf-lib's full layout per call */
  font: FontkitFont;
  /**
   * A fontkit for `registerFontkit` that returns the already parsed font for these bytes: pdf-lib
   * would otherwise parse the 8 MB font on every document, and the glyphs the parsed font caches
   * stay warm across requests.
   */
  fontkit: PdfFontkit;
}

let loading: Promise<AgreementFont> | null = null;

export const fontUnavailable = () => new AppError(503, 'pdf_font_unavailable', 'PDF 字体暂不可用，请稍后重试');

interface CffSubset {
  cff: { stream: { pos: number; readBuffer(length: number): Uint8Array } };
  subsetSubrs?: (subrs: Array<{ offset: number; length: number }>, used: Record<number, boolean>) => Uint8Array[];
}

const EMPTY = new Uint8Array(0);

/**
 * fontkit keeps every subroutine index of a subset at full length (renumbering would mean
 * rewriting the glyph programs) and fills each unused entry with a one-byte `return`. Noto Sans
 * CJK has a private dictionary with 22,293 subroutines, so those fillers and their ever-growing
 * offsets made ~90 KB of every PDF. An unused entry is never called, so it may be empty: the
 * offsets of consecutive empty entries repeat and compress to almost nothing. (Patches a fontkit
 * 2.0 internal; the size test of the agreement PDF notices if it stops applying.)
 */
function withCompactSubrs(font: FontkitFont): void {
  const patchable = font as unknown as { createSubset(): CffSubset };
  const createSubset = patchable.createSubset.bind(font);
  patchable.createSubset = () => {
    const subset = createSubset();
    if (typeof subset.subsetSubrs === 'function') {
      subset.subsetSubrs = (subrs, used) =>
        subrs.map((subr, i) => {
          if (!used[i]) return EMPTY;
          subset.cff.stream.pos = subr.offset;
          return subset.cff.stream.readBuffer(subr.length);
        });
    }
    return subset;
  };
}

/** 'OTTO' is OpenType with CFF outlines; 0x00010000 or 'true' is TrueType. */
export function fontFormat(bytes: Uint8Array): 'cff' | 'truetype' | null {
  if (bytes.length < 4) return null;
  const tag = String.fromCharCode(...bytes.subarray(0, 4));
  if (tag === 'OTTO') return 'cff';
  if (tag === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0)) return 'truetype';
  return null;
}

async function load(assets: Fetcher): Promise<AgreementFont> {
  const res = await assets.fetch(new Request(FONT_ASSET_URL));
  if (!res.ok) throw fontUnavailable();
  const bytes = new Uint8Array(await res.arrayBuffer());
  // The assets fall back to index.html for unknown paths (single-page app): check it is a font.
  const format = fontFormat(bytes);
  if (!format) throw fontUnavailable();
  const font = fontkit.create(bytes);
  if (format === 'cff') withCompactSubrs(font);
  const adapter = {
    create: (data: Uint8Array, postscriptName?: string) => (data === bytes ? font : fontkit.create(data, postscriptName)),
  } as unknown as PdfFontkit;
  return { bytes, font, fontkit: adapter };
}

export function agreementFont(env: Pick<Env, 'ASSETS'>): Promise<AgreementFont> {
  if (!loading) {
    loading = load(env.ASSETS).catch((err: unknown) => {
      loading = null;
      throw err instanceof AppError ? err : fontUnavailable();
    });
  }
  return loading;
}

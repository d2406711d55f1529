/**
 * The QR code of the agreement's public verification page (GET /verify/:code), as vector
 * rectangles: one per horizontal run of dark modules, drawn as a single filled path so that no
 * hairline seams appear between neighbouring modules when a viewer anti-aliases.
 */
import { create } from 'qrcode/lib/core/qrcode';

/** Rows of dark (true) and light modules, without the quiet zone. */
export function qrModules(text: string): boolean[][] {
  const { size, data } = create(text, { errorCorrectionLevel: 'M' }).modules;
  return Array.from({ length: size }, (_, row) => Array.from(data.subarray(row * size, (row + 1) * size), (m) => m === 1));
}

export type Rect = [x: number, y: number, w: number, h: number];

const hundredths = (v: number) => Math.round(v * 100) / 100;

/**
 * The dark runs of a QR code whose bottom-left corner is at (x, y) and whose side is `side` points.
 * Module edges are rounded to the hundredth of a point the content stream keeps, once, so that
 * neighbouring rows share their edge exactly.
 */
export function qrRects(text: string, x: number, y: number, side: number): Rect[] {
  const modules = qrModules(text);
  const unit = side / modules.length;
  const colEdge = (i: number) => hundredths(x + i * unit);
  const rowEdge = (i: number) => hundredths(y + side - i * unit);
  const rects: Rect[] = [];
  modules.forEach((row, r) => {
    for (let c = 0; c < row.length; ) {
      if (!row[c]) {
        c++;
        continue;
      }
      const start = c;
      while (row[c]) c++;
      rects.push([colEdge(start), rowEdge(r + 1), hundredths(colEdge(c) - colEdge(start)), hundredths(rowEdge(r) - rowEdge(r + 1))]);
    }
  });
  return rects;
}

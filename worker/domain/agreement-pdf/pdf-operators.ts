/**
 * Turns layout operations into compact PDF content operators: every fill, then every stroke as one
 * path, then all text in a single text object. pdf-lib's drawText/drawRectangle wrap each call in
 * its own graphics state and text object, which for the agreement's few hundred strings roughly
 * triples the content streams.
 */
import { PDFOperator, PDFOperatorNames as Ops, PDFNumber, type PDFHexString, type PDFName } from '@cantoo/pdf-lib';
import type { DrawOp } from './page-layout';

const BORDER_GRAY = 0.55;
const BORDER_WIDTH = 0.5;

/** Two decimals are far below what a printer resolves, and keep the streams short. */
const n = (v: number) => PDFNumber.of(Math.round(v * 100) / 100);
const op = (name: Ops, ...args: Array<PDFNumber | PDFName | PDFHexString>) => PDFOperator.of(name, args);

export function contentOperators(ops: DrawOp[], font: PDFName, encode: (text: string) => PDFHexString): PDFOperator[] {
  const out: PDFOperator[] = [op(Ops.PushGraphicsState)];

  let gray: number | undefined;
  for (const o of ops) {
    if (o.op !== 'rect' || o.fill === undefined) continue;
    if (o.fill !== gray) out.push(op(Ops.NonStrokingColorGray, n((gray = o.fill))));
    out.push(op(Ops.AppendRectangle, n(o.x), n(o.y), n(o.w), n(o.h)), op(Ops.FillNonZero));
  }

  for (const o of ops) {
    if (o.op !== 'path' || o.rects.length === 0) continue;
    if (o.fill !== gray) out.push(op(Ops.NonStrokingColorGray, n((gray = o.fill))));
    for (const [x, y, w, h] of o.rects) out.push(op(Ops.AppendRectangle, n(x), n(y), n(w), n(h)));
    out.push(op(Ops.FillNonZero));
  }

  const strokes: PDFOperator[] = [];
  for (const o of ops) {
    if (o.op === 'rect' && o.stroke) strokes.push(op(Ops.AppendRectangle, n(o.x), n(o.y), n(o.w), n(o.h)));
    if (o.op === 'line') strokes.push(op(Ops.MoveTo, n(o.x1), n(o.y1)), op(Ops.LineTo, n(o.x2), n(o.y2)));
  }
  if (strokes.length > 0) {
    out.push(op(Ops.SetLineWidth, n(BORDER_WIDTH)), op(Ops.StrokingColorGray, n(BORDER_GRAY)), ...strokes, op(Ops.StrokePath));
  }

  const texts = ops.filter((o): o is Extract<DrawOp, { op: 'text' }> => o.op === 'text' && o.text !== '');
  if (texts.length > 0) {
    out.push(op(Ops.BeginText));
    let size: number | undefined;
    gray = undefined;
    for (const t of texts) {
      if (t.size !== size) out.push(op(Ops.SetFontAndSize, font, n((size = t.size))));
      const g = t.gray ?? 0;
      if (g !== gray) out.push(op(Ops.NonStrokingColorGray, n((gray = g))));
      out.push(op(Ops.SetTextMatrix, n(1), n(0), n(0), n(1), n(t.x), n(t.y)), op(Ops.ShowText, encode(t.text)));
    }
    out.push(op(Ops.EndText));
  }
  out.push(op(Ops.PopGraphicsState));
  return out;
}

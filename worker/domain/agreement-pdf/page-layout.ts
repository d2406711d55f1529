/**
 * Lays the agreement content out on A4 pages as plain drawing operations (text, boxes, lines),
 * without touching pdf-lib: the body is laid out once and every copy draws the same pages, only
 * the frame (header with the copy label, footer with page x/y) differs. Units are PDF points,
 * origin bottom-left.
 */
import type { AgreementContent, FieldCell, SignatureBox } from './agreement-content';
import { qrRects, type Rect } from './qr-code';
import type { CharWidth } from './wrap-text';
import { wrapText } from './wrap-text';

export type DrawOp =
  | { op: 'text'; x: number; y: number; size: number; text: string; gray?: number }
  | { op: 'rect'; x: number; y: number; w: number; h: number; fill?: number; stroke?: boolean }
  | { op: 'line'; x1: number; y1: number; x2: number; y2: number }
  /** rectangles filled as one path (the QR code: no seams between its modules) */
  | { op: 'path'; rects: Rect[]; fill: number };

export const PAGE = { width: 595.28, height: 841.89 } as const;
const MARGIN_X = 40;
const MARGIN_TOP = 30;
const MARGIN_BOTTOM = 26;
const HEADER_HEIGHT = 52;
const FOOTER_HEIGHT = 22;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN_X;
const BODY_TOP = PAGE.height - MARGIN_TOP - HEADER_HEIGHT;
const BODY_BOTTOM = MARGIN_BOTTOM + FOOTER_HEIGHT;

const TEXT_SIZE = 9;
const LINE_HEIGHT = 11.4;
const CELL_PAD_Y = 2.8;
const CELL_PAD_X = 4;
const LABEL_WIDTH = 92;
const HALF_WIDTH = CONTENT_WIDTH / 2;
const HEADING_HEIGHT = 15;
const SECTION_GAP = 6;
const SIGNATURE_HEIGHT = 58;
const SIGNATURE_GAP = 6;
const QR_SIDE = 62;
const VERIFY_GAP = 10;
const LABEL_FILL = 0.94;
const HEADING_FILL = 0.86;

/** Baseline of a line of text whose line box starts at `top`: the em box centred in the line. */
const baseline = (top: number, size = TEXT_SIZE, lineHeight = LINE_HEIGHT) => top - (lineHeight - size) / 2 - size * 0.88;

interface Measure {
  charWidth: CharWidth;
}

const widthOf = (text: string, size: number, m: Measure) => Array.from(text).reduce((sum, ch) => sum + m.charWidth(ch), 0) * size;

/** A row of the field grid: one wide cell or up to two half cells, each wrapped to its column. */
interface GridRow {
  cells: Array<{ x: number; width: number; label: string[]; value: string[] }>;
  lines: number;
}

function gridRows(cells: FieldCell[], m: Measure): GridRow[] {
  const rows: GridRow[] = [];
  let pending: FieldCell[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    const width = pending.length === 1 && pending[0]?.wide ? CONTENT_WIDTH : HALF_WIDTH;
    const laid = pending.map((cell, i) => ({
      x: MARGIN_X + i * HALF_WIDTH,
      width,
      label: wrapText(cell.label, LABEL_WIDTH - 2 * CELL_PAD_X, TEXT_SIZE, m.charWidth),
      value: wrapText(cell.value, width - LABEL_WIDTH - 2 * CELL_PAD_X, TEXT_SIZE, m.charWidth),
    }));
    // An odd half cell at the end of a section still fills the row, so the grid stays closed.
    if (laid.length === 1 && width === HALF_WIDTH) laid.push({ x: MARGIN_X + HALF_WIDTH, width: HALF_WIDTH, label: [], value: [] });
    rows.push({ cells: laid, lines: Math.max(1, ...laid.map((c) => Math.max(c.label.length, c.value.length))) });
    pending = [];
  };
  for (const cell of cells) {
    if (cell.wide) {
      flush();
      pending = [cell];
      flush();
    } else {
      pending.push(cell);
      if (pending.length === 2) flush();
    }
  }
  flush();
  return rows;
}

const rowHeight = (lines: number) => lines * LINE_HEIGHT + 2 * CELL_PAD_Y;

/** Draws lines [from, to) of a grid row with its top at `top`. */
function drawRow(row: GridRow, from: number, to: number, top: number, ops: DrawOp[]): number {
  const h = rowHeight(to - from);
  for (const cell of row.cells) {
    ops.push({ op: 'rect', x: cell.x, y: top - h, w: LABEL_WIDTH, h, fill: LABEL_FILL, stroke: true });
    ops.push({ op: 'rect', x: cell.x + LABEL_WIDTH, y: top - h, w: cell.width - LABEL_WIDTH, h, stroke: true });
    for (let i = from; i < to; i++) {
      const y = baseline(top - CELL_PAD_Y - (i - from) * LINE_HEIGHT);
      const label = cell.label[i];
      const value = cell.value[i];
      if (label) ops.push({ op: 'text', x: cell.x + CELL_PAD_X, y, size: TEXT_SIZE, text: label, gray: 0.25 });
      if (value) ops.push({ op: 'text', x: cell.x + LABEL_WIDTH + CELL_PAD_X, y, size: TEXT_SIZE, text: value });
    }
  }
  return h;
}

function drawHeading(title: string, top: number, ops: DrawOp[]): number {
  ops.push({ op: 'rect', x: MARGIN_X, y: top - HEADING_HEIGHT, w: CONTENT_WIDTH, h: HEADING_HEIGHT, fill: HEADING_FILL, stroke: true });
  ops.push({ op: 'text', x: MARGIN_X + CELL_PAD_X, y: baseline(top, 10, HEADING_HEIGHT), size: 10, text: title });
  return HEADING_HEIGHT;
}

function drawSignatures(boxes: SignatureBox[], top: number, ops: DrawOp[], m: Measure): number {
  const gap = SIGNATURE_GAP;
  const w = (CONTENT_WIDTH - gap) / 2;
  const rows = Math.ceil(boxes.length / 2);
  boxes.forEach((box, i) => {
    const x = MARGIN_X + (i % 2) * (w + gap);
    const boxTop = top - Math.floor(i / 2) * (SIGNATURE_HEIGHT + gap);
    ops.push({ op: 'rect', x, y: boxTop - SIGNATURE_HEIGHT, w, h: SIGNATURE_HEIGHT, stroke: true });
    ops.push({ op: 'text', x: x + 6, y: boxTop - 14, size: 10, text: `${box.title}：` });
    ops.push({ op: 'text', x: x + 6, y: boxTop - 26, size: 7.5, text: box.hint, gray: 0.45 });
    const date = '日期：        年      月      日';
    ops.push({ op: 'text', x: x + w - 8 - widthOf(date, TEXT_SIZE, m), y: boxTop - SIGNATURE_HEIGHT + 9, size: TEXT_SIZE, text: date });
  });
  return rows * SIGNATURE_HEIGHT + (rows - 1) * gap;
}

/** The body of every page of one copy. */
export function layoutBody(content: AgreementContent, m: Measure): DrawOp[][] {
  let page: DrawOp[] = [];
  const pages = [page];
  let y = BODY_TOP;
  const newPage = () => {
    page = [];
    pages.push(page);
    y = BODY_TOP;
  };

  for (const line of wrapText(content.intro, CONTENT_WIDTH, 8.5, m.charWidth)) {
    page.push({ op: 'text', x: MARGIN_X, y: baseline(y, 8.5, 12), size: 8.5, text: line, gray: 0.35 });
    y -= 12;
  }
  y -= SECTION_GAP - 2;

  for (const section of content.sections) {
    const rows = gridRows(section.cells, m);
    // keep a heading together with at least the first line of its first row
    if (y - HEADING_HEIGHT - rowHeight(1) < BODY_BOTTOM) newPage();
    y -= drawHeading(section.title, y, page);
    for (const row of rows) {
      let from = 0;
      while (from < row.lines) {
        const fitting = Math.floor((y - BODY_BOTTOM - 2 * CELL_PAD_Y) / LINE_HEIGHT);
        const whole = row.lines - from;
        // A row that fits on a fresh page moves there whole; only a row taller than a page (a long
        // 其他约定) is split, continuing under a repeated heading.
        const tallerThanPage = rowHeight(whole) > BODY_TOP - BODY_BOTTOM - HEADING_HEIGHT;
        if (fitting >= whole || (tallerThanPage && fitting >= 1)) {
          const to = from + Math.min(whole, fitting);
          y -= drawRow(row, from, to, y, page);
          from = to;
        } else {
          newPage();
          y -= drawHeading(`${section.title}（续）`, y, page);
        }
      }
    }
    y -= SECTION_GAP;
  }

  const signaturesHeight = Math.ceil(content.signatures.length / 2) * (SIGNATURE_HEIGHT + SIGNATURE_GAP) - SIGNATURE_GAP;
  // the verification block stays on the page of the signature boxes, under them
  const verifyHeight = content.verifyUrl ? VERIFY_GAP + QR_SIDE : 0;
  if (y - signaturesHeight - verifyHeight < BODY_BOTTOM) newPage();
  y -= drawSignatures(content.signatures, y, page, m);
  if (content.verifyUrl) drawVerifyBlock(content, y - VERIFY_GAP, page, m);
  return pages;
}

/** The QR code of the public verification page, with the code and address printed beside it. */
function drawVerifyBlock(content: AgreementContent, top: number, ops: DrawOp[], m: Measure): void {
  ops.push({ op: 'path', rects: qrRects(content.verifyUrl, MARGIN_X, top - QR_SIDE, QR_SIDE), fill: 0 });
  const x = MARGIN_X + QR_SIDE + 12;
  const width = CONTENT_WIDTH - QR_SIDE - 12;
  ops.push({ op: 'text', x, y: top - 12, size: 10, text: '扫码查验' });
  const lines: Array<{ text: string; size: number; gray: number }> = [
    ...wrapText(`验证码：${content.verifyCode}\u3000查验网址：${content.verifyUrl}`, width, TEXT_SIZE, m.charWidth).map((text) => ({
      text,
      size: TEXT_SIZE,
      gray: 0,
    })),
    ...wrapText(content.verifyNote, width, 7.5, m.charWidth).map((text) => ({ text, size: 7.5, gray: 0.45 })),
  ];
  let y = top - 27;
  for (const line of lines) {
    ops.push({ op: 'text', x, y, size: line.size, text: line.text, gray: line.gray });
    y -= line.size + 3;
  }
}

/** Header and footer of one page of one copy. */
export function pageFrame(content: AgreementContent, copyLabel: string, pageNo: number, pageCount: number, m: Measure): DrawOp[] {
  const ops: DrawOp[] = [];
  const top = PAGE.height - MARGIN_TOP;
  const titleSize = 16;
  ops.push({
    op: 'text',
    x: (PAGE.width - widthOf(content.title, titleSize, m)) / 2,
    y: top - titleSize,
    size: titleSize,
    text: content.title,
  });

  const infoY = top - 36;
  ops.push({ op: 'text', x: MARGIN_X, y: infoY, size: TEXT_SIZE, text: `协议书编号：${content.number || '—'}` });
  ops.push({ op: 'text', x: MARGIN_X + 190, y: infoY, size: TEXT_SIZE, text: `状态：${content.stateLabel}\u3000${content.modeLabel}` });
  const labelSize = 11;
  const labelWidth = widthOf(copyLabel, labelSize, m) + 14;
  const labelX = PAGE.width - MARGIN_X - labelWidth;
  ops.push({ op: 'rect', x: labelX, y: infoY - 5, w: labelWidth, h: 19, stroke: true });
  ops.push({ op: 'text', x: labelX + 7, y: infoY, size: labelSize, text: copyLabel });
  ops.push({ op: 'line', x1: MARGIN_X, y1: top - HEADER_HEIGHT + 6, x2: PAGE.width - MARGIN_X, y2: top - HEADER_HEIGHT + 6 });

  const footY = MARGIN_BOTTOM;
  ops.push({ op: 'line', x1: MARGIN_X, y1: footY + 12, x2: PAGE.width - MARGIN_X, y2: footY + 12 });
  const verify = content.verifyCode ? `验证码：${content.verifyCode}\u3000查验网址：${content.verifyUrl}` : '验证码：—';
  const pageText = `${copyLabel}\u3000第 ${pageNo} 页 / 共 ${pageCount} 页`;
  const pageWidth = widthOf(pageText, 8, m);
  const verifyLines = wrapText(verify, CONTENT_WIDTH - pageWidth - 12, 8, m.charWidth);
  ops.push({ op: 'text', x: MARGIN_X, y: footY, size: 8, text: verifyLines[0] ?? '', gray: 0.3 });
  if (verifyLines[1]) ops.push({ op: 'text', x: MARGIN_X, y: footY - 10, size: 8, text: verifyLines.slice(1).join(' '), gray: 0.3 });
  ops.push({ op: 'text', x: PAGE.width - MARGIN_X - pageWidth, y: footY, size: 8, text: pageText, gray: 0.3 });
  return ops;
}

/**
 * Draws the agreement as one PDF of four copies (学校存档联 / 学生留存联 / 用人单位留存联 / 档案转递联).
 * The font is embedded once as a subset shared by every page: subsetting the CJK font is the
 * costly step, and one subset keeps the file small. The body is laid out once and drawn per copy.
 */
import { PDFDocument, grayscale, type PDFFont, type PDFPage } from '@cantoo/pdf-lib';
import type { AgreementContent } from './agreement-content';
import { COPY_LABELS } from './agreement-content';
import type { AgreementFont } from './agreement-font';
import { layoutBody, PAGE, pageFrame, type DrawOp } from './page-layout';
import { charWidthOf } from './wrap-text';

const BORDER = grayscale(0.55);

function draw(page: PDFPage, font: PDFFont, ops: DrawOp[]): void {
  for (const o of ops) {
    switch (o.op) {
      case 'text':
        page.drawText(o.text, { x: o.x, y: o.y, size: o.size, font, color: grayscale(o.gray ?? 0) });
        break;
      case 'rect':
        page.drawRectangle({
          x: o.x, y: o.y, width: o.w, height: o.h,
          color: o.fill === undefined ? undefined : grayscale(o.fill),
          borderColor: o.stroke ? BORDER : undefined,
          borderWidth: o.stroke ? 0.5 : 0,
        });
        break;
      case 'line':
        page.drawLine({ start: { x: o.x1, y: o.y1 }, end: { x: o.x2, y: o.y2 }, thickness: 0.6, color: BORDER });
        break;
    }
  }
}

export async function renderAgreementPdf(content: AgreementContent, agreementFont: AgreementFont): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(agreementFont.fontkit);
  const font = await doc.embedFont(agreementFont.bytes, { subset: true });
  doc.setTitle(`${content.title} ${content.number}`.trim());
  doc.setLanguage('zh-CN');
  doc.setCreator('网签');
  doc.setProducer('网签');

  const measure = { charWidth: charWidthOf(agreementFont.font) };
  const body = layoutBody(content, measure);
  for (const copyLabel of COPY_LABELS) {
    body.forEach((ops, i) => {
      const page = doc.addPage([PAGE.width, PAGE.height]);
      draw(page, font, pageFrame(content, copyLabel, i + 1, body.length, measure));
      draw(page, font, ops);
    });
  }
  return doc.save();
}

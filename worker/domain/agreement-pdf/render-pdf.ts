/**
 * Draws the agreement as one PDF of four copies (学校存档联 / 学生留存联 / 用人单位留存联 / 档案转递联).
 * Subsetting the CJK font is the costly step, so the font is embedded once, as one subset shared by
 * every page. The body is laid out once and drawn once per page as a form XObject that each copy's
 * page shows; only the frame (header with the copy label, footer with page x/y) is drawn per copy.
 * With a signer, the file is saved with the platform's digital signature (docs/security.md).
 */
import { PDFDocument, PDFName, drawObject, popGraphicsState, pushGraphicsState, type PDFHexString } from '@cantoo/pdf-lib';
import type { AgreementContent } from './agreement-content';
import { COPY_LABELS } from './agreement-content';
import type { CmsSigner } from '../pdf-signature/cms-signed-data';
import { saveSigned } from '../pdf-signature/sign-pdf';
import type { AgreementFont } from './agreement-font';
import { layoutBody, PAGE, pageFrame } from './page-layout';
import { contentOperators } from './pdf-operators';
import { charWidthOf } from './wrap-text';

const FONT_KEY = 'F0';

export async function renderAgreementPdf(
  content: AgreementContent,
  agreementFont: AgreementFont,
  signer: CmsSigner | null = null,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(agreementFont.fontkit);
  const font = await doc.embedFont(agreementFont.bytes, { subset: true });
  doc.setTitle(`${content.title} ${content.number}`.trim());
  doc.setLanguage('zh-CN');
  doc.setCreator('网签');
  doc.setProducer('网签');

  // Shaping a string is the costly part of drawing it; the frame repeats its strings on every page.
  const encoded = new Map<string, PDFHexString>();
  const encode = (text: string) => {
    let hex = encoded.get(text);
    if (!hex) encoded.set(text, (hex = font.encodeText(text)));
    return hex;
  };

  const measure = { charWidth: charWidthOf(agreementFont.font) };
  const fontName = PDFName.of(FONT_KEY);
  const bodies = layoutBody(content, measure).map((ops) =>
    doc.context.register(
      doc.context.formXObject(contentOperators(ops, fontName, encode), {
        BBox: [0, 0, PAGE.width, PAGE.height],
        Resources: { Font: { [FONT_KEY]: font.ref } },
      }),
    ),
  );

  for (const copyLabel of COPY_LABELS) {
    bodies.forEach((body, i) => {
      const page = doc.addPage([PAGE.width, PAGE.height]);
      const pageFont = page.node.newFontDictionary(FONT_KEY, font.ref);
      const bodyName = page.node.newXObject('Body', body);
      page.pushOperators(
        pushGraphicsState(),
        drawObject(bodyName),
        popGraphicsState(),
        ...contentOperators(pageFrame(content, copyLabel, i + 1, bodies.length, measure), pageFont, encode),
      );
    });
  }
  return signer ? saveSigned(doc, signer) : doc.save();
}

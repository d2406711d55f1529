import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import { PDFDocument, grayscale } from '@cantoo/pdf-lib';
import { agreementFont } from './agreement-font';
import { agreementContent } from './agreement-content';
import { renderAgreementPdf } from './render-pdf';
import { layoutBody, pageFrame } from './page-layout';
import { charWidthOf } from './wrap-text';
import agreement from '../../../forms/agreement.json';
import { extractPdfText, pdfStreams } from './extract-text';
it('debug', async () => {
  let t0 = Date.now();
  const font = await agreementFont(env);
  const content = agreementContent({ definition: agreement as any, data: { name: '欧阳明堃', employerName: '南京云帆', monthlySalary: 12000, workRegion: '320106', socialInsurance: '1', otherTerms: 'abc '.repeat(100) }, canRead: () => true, number: '910012027000001', stateLabel: '待学院审核', mode: 'online', verifyCode: '0123456789ABCDEF', origin: 'https://x.test' });
  const m = { charWidth: charWidthOf(font.font) };
  const body = layoutBody(content, m);
  for (let i = 0; i < 3; i++) {
    t0 = Date.now();
    const doc = await PDFDocument.create();
    doc.registerFontkit(font.fontkit);
    const f = await doc.embedFont(font.bytes, { subset: true });
    const t1 = Date.now();
    let n = 0;
    for (const label of ['a', 'b', 'c', 'd']) body.forEach((ops, i) => {
      const page = doc.addPage();
      for (const o of [...pageFrame(content, label, i + 1, 2, m), ...ops]) if (o.op === 'text') { page.drawText(o.text, { x: o.x, y: o.y, size: o.size, font: f }); n++; }
    });
    const t2 = Date.now();
    const bytes = await doc.save();
    const t3 = Date.now();
    console.log('embed', t1 - t0, 'draw', n, t2 - t1, 'save', t3 - t2, bytes.length);
  }
  const pdf = await renderAgreementPdf(content, font);
  const streams = await pdfStreams(pdf);
  console.log('streams', streams.map((s) => s.length));
  const runs = await extractPdfText(pdf);
  console.log(runs.slice(0, 40).join(' | '));
}, 120000);

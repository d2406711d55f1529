import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import { agreementFont } from './agreement-font';
import { agreementContent } from './agreement-content';
import { renderAgreementPdf } from './render-pdf';
import { layoutBody } from './page-layout';
import { charWidthOf } from './wrap-text';
import agreement from '../../../forms/agreement.json';
import { extractPdfText } from './extract-text';
it('debug', async () => {
  let t0 = Date.now();
  const font = await agreementFont(env);
  console.log('font', Date.now() - t0);
  const content = agreementContent({ definition: agreement as any, data: { name: '欧阳明堃', employerName: '南京云帆', monthlySalary: 12000, workRegion: '320106', socialInsurance: '1', otherTerms: 'abc '.repeat(100) }, canRead: () => true, number: '910012027000001', stateLabel: '待学院审核', mode: 'online', verifyCode: '0123456789ABCDEF', origin: 'https://x.test' });
  console.log('content', JSON.stringify(content).slice(0, 300));
  const body = layoutBody(content, { charWidth: charWidthOf(font.font) });
  console.log('pages', body.length, body.map((p) => p.length), Date.now() - t0);
  for (let i = 0; i < 4; i++) {
    t0 = Date.now();
    const pdf = await renderAgreementPdf(content, font);
    console.log('pdf', pdf.length, Date.now() - t0);
  }
  const pdf = await renderAgreementPdf(content, font);
  const runs = await extractPdfText(pdf);
  console.log(runs.slice(0, 40).join(' | '));
}, 120000);

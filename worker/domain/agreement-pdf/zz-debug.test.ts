import { env } from 'cloudflare:workers';
import { it } from 'vitest';
import { PDFDocument } from '@cantoo/pdf-lib';
import { agreementFont } from './agreement-font';
import { agreementContent } from './agreement-content';
import { renderAgreementPdf } from './render-pdf';
import agreement from '../../../forms/agreement.json';
const data = { name: '欧阳明堃', gender: '1', idNumber: '320106200503151236', college: '计算机科学与技术学院', major: '软件工程', education: '31', studentNo: '2023000001', cohort: 2027, originRegion: '320106', mobile: '13812345678', employerName: '南京云帆信息科技有限公司', creditCode: '91320106MA1XY012AY', unitNature: '39', industry: 'I', employerRegion: '320106', employerAddress: '江苏省南京市鼓楼区汉中路 1 号', contactName: '赵经理', contactPhone: '13600001111', jobCategory: '13', jobTitle: '后端开发工程师', workRegion: '320106', monthlySalary: 12000, annualSalary: 144000, socialInsurance: '1', contractYears: 3, probationMonths: 3, penalty: 5000, archiveMode: 'unit', archiveUnitName: '南京云帆信息科技有限公司人事部', archiveAddress: '江苏省南京市鼓楼区汉中路 1 号', householdMode: 'stay', otherTerms: '公司提供员工宿舍（单人间），入职满一年后可申请人才公寓；每年组织一次带薪培训与体检；年终奖按绩效考核发放，一般为 2–4 个月工资。' };
it('debug', async () => {
  const font = await agreementFont(env);
  const content = agreementContent({ definition: agreement as any, data, canRead: () => true, number: '910012027000001', stateLabel: '待学院审核', mode: 'online', verifyCode: '0123456789ABCDEF', origin: 'https://x.test' });
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    const pdf = await renderAgreementPdf(content, font);
    times.push(performance.now() - t0);
    if (i === 14) console.log('size', pdf.length);
  }
  console.log('render ms', times.map((t) => t.toFixed(0)).join(' '));
  // phases
  for (let i = 0; i < 3; i++) {
    let t = performance.now();
    const doc = await PDFDocument.create();
    doc.registerFontkit(font.fontkit);
    const f = await doc.embedFont(font.bytes, { subset: true });
    const a = performance.now() - t; t = performance.now();
    for (const ch of new Set(JSON.stringify(content))) f.encodeText(ch);
    const b = performance.now() - t; t = performance.now();
    const sub = (f as any).embedder.subset; const bytes = sub.encode();
    const c = performance.now() - t; t = performance.now();
    await doc.save();
    const d = performance.now() - t;
    console.log(`create+embed ${a.toFixed(0)} encodeText ${b.toFixed(0)} subsetEncode ${c.toFixed(0)} (${bytes.length}B) save ${d.toFixed(0)}`);
  }
}, 120000);

import { describe, expect, it } from 'vitest';
import type { AgreementContent } from './agreement-content';
import { SIGNATURE_BOXES } from './agreement-content';
import { layoutBody, PAGE } from './page-layout';

const charWidth = (ch: string) => (/[\u2e80-\uffef]/.test(ch) ? 1 : 0.5);

function content(cells: number, value = '南京云帆信息科技有限公司'): AgreementContent {
  return {
    title: '全国普通高等学校毕业生就业协议书',
    number: '910012027000001',
    stateLabel: '待学院审核',
    modeLabel: '线上签约',
    verifyCode: '0123456789ABCDEF',
    verifyUrl: 'https://x.test/verify/0123456789ABCDEF',
    verifyNote: '扫码查验',
    intro: '说明',
    sections: [{ title: '单位信息', cells: Array.from({ length: cells }, (_, i) => ({ label: `字段${i}`, value, wide: i % 7 === 6 })) }],
    signatures: SIGNATURE_BOXES,
  };
}

const texts = (pages: ReturnType<typeof layoutBody>) => pages.flat().flatMap((o) => (o.op === 'text' ? [o] : []));

describe('layoutBody', () => {
  it('puts a short agreement with its signature boxes on one page', () => {
    const pages = layoutBody(content(30), { charWidth });
    expect(pages).toHaveLength(1);
    expect(texts(pages).map((t) => t.text)).toContain('学生签字：');
  });

  it('breaks onto more pages when sections overflow, repeating the heading, never drawing off the page', () => {
    const pages = layoutBody(content(200), { charWidth });
    expect(pages.length).toBeGreaterThan(2);
    const withFields = pages.filter((ops) => ops.some((o) => o.op === 'text' && /^字段\d+$/.test(o.text)));
    expect(texts(pages).filter((t) => t.text === '单位信息（续）')).toHaveLength(withFields.length - 1);
    for (const t of texts(pages)) {
      expect(t.y).toBeGreaterThan(40);
      expect(t.y).toBeLessThan(PAGE.height - 80);
    }
    // every field appears exactly once
    expect(texts(pages).filter((t) => /^字段\d+$/.test(t.text))).toHaveLength(200);
  });

  it('splits a value taller than a page across pages instead of losing it', () => {
    const long = '其他约定内容'.repeat(800);
    const pages = layoutBody(
      { ...content(1, long), sections: [{ title: '岗位与待遇', cells: [{ label: '其他约定', value: long, wide: true }] }] },
      { charWidth },
    );
    expect(pages.length).toBeGreaterThan(1);
    const valueRuns = texts(pages)
      .filter((t) => /^[其他约定内容]+$/.test(t.text))
      .map((t) => t.text);
    expect(valueRuns[0]).toBe('其他约定'); // the label, once
    expect(valueRuns.slice(1).join('')).toBe(long);
  });

  it('keeps the QR code of the verification page with the signature boxes, inside the page, however long the body', () => {
    for (let cells = 0; cells <= 120; cells += 3) {
      const pages = layoutBody(content(cells), { charWidth });
      const withQr = pages.filter((ops) => ops.some((o) => o.op === 'path'));
      expect(withQr, `${cells} cells`).toHaveLength(1);
      const page = withQr[0]!;
      expect(page).toBe(pages.at(-1));
      expect(page.some((o) => o.op === 'text' && o.text === '学生签字：')).toBe(true);
      expect(page.some((o) => o.op === 'text' && o.text.startsWith('验证码：0123456789ABCDEF'))).toBe(true);
      const qr = page.find((o) => o.op === 'path')!;
      expect(Math.min(...qr.rects.map(([, y]) => y))).toBeGreaterThan(40);
    }
    // no verify code (an agreement without one), no QR code
    expect(
      layoutBody({ ...content(10), verifyCode: '', verifyUrl: '' }, { charWidth })
        .flat()
        .some((o) => o.op === 'path'),
    ).toBe(false);
  });
});

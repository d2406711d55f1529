/**
 * The agreement PDF as the worker draws and signs it, checked by tools a school or a province
 * would use: poppler's `pdfsig` verifies the signature (and notices one changed byte), and
 * `pdftoppm` + `zbarimg` read the QR code of every copy back from the rendered pages. Needs
 * poppler-utils and zbar-tools (.ci/run installs them); without them the test is skipped locally
 * and fails in CI.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import agreementDefinition from '../../../forms/agreement.json';
import type { FormDefinition } from '../../../forms/engine/types';
import { createPdfSigningPair } from '../../../scripts/pdf-signing-pair';
import { agreementContent } from '../agreement-pdf/agreement-content';
import { agreementFont, type AgreementFont } from '../agreement-pdf/agreement-font';
import { renderAgreementPdf } from '../agreement-pdf/render-pdf';
import { loadSigner } from './pdf-signer';

const TOOLS = ['pdfsig', 'pdftoppm', 'zbarimg'];
const missing = TOOLS.filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length > 0 && process.env.CI) throw new Error(`${missing.join(', ')} missing: .ci/run installs poppler-utils and zbar-tools`);

const FONT = 'dist/web/fonts/agreement-cjk.font';
const ORIGIN = 'https://wangqian.example.cn';
const CODE = '3F9A0C1D2E4B5A6C';

let dir: string;
let font: AgreementFont;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'signed-pdf-'));
  const assets = { fetch: () => Promise.resolve(new Response(readFileSync(FONT))) } as unknown as Fetcher;
  font = await agreementFont({ ASSETS: assets });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function agreementPdf(keyType: 'rsa' | 'ec'): Promise<string> {
  const pair = createPdfSigningPair({ commonName: '网签平台（测试）', keyType });
  const signer = await loadSigner(pair.keyPem, pair.certPem);
  const content = agreementContent({
    definition: agreementDefinition as unknown as FormDefinition,
    data: { name: '欧阳明堃', idNumber: '11010519491231002X', employerName: '南京云帆信息科技有限公司' },
    canRead: () => true,
    number: '910012027000001',
    stateLabel: '待学院审核',
    mode: 'online',
    verifyCode: CODE,
    origin: ORIGIN,
    signed: true,
  });
  const file = join(dir, `agreement-${keyType}.pdf`);
  writeFileSync(file, await renderAgreementPdf(content, font, signer));
  return file;
}

const pdfsig = (file: string) => execFileSync('pdfsig', [file], { encoding: 'utf8' });

/** The same file with one byte changed, at an offset found by a pattern in the file's text. */
function withByteChanged(file: string, pattern: RegExp, name: string): string {
  const bytes = readFileSync(file);
  const at = pattern.exec(bytes.toString('latin1'))?.index;
  if (at === undefined) throw new Error(`no ${String(pattern)} in ${file}`);
  bytes[at] = bytes[at]! === 0x30 ? 0x31 : 0x30;
  const out = join(dir, name);
  writeFileSync(out, bytes);
  return out;
}

describe.skipIf(missing.length > 0)('the signed agreement PDF, checked with poppler and zbar', () => {
  it('pdfsig finds the platform’s valid adbe.pkcs7.detached signature over the whole document (RSA and ECDSA P-256 keys)', async () => {
    for (const keyType of ['rsa', 'ec'] as const) {
      const report = pdfsig(await agreementPdf(keyType));
      expect(report, keyType).toContain('Signature Validation: Signature is Valid.');
      expect(report).toContain('Signer Certificate Common Name: 网签平台（测试）');
      expect(report).toContain('Signature Type: adbe.pkcs7.detached');
      expect(report).toContain('Signing Hash Algorithm: SHA-256');
      expect(report).toContain('Total document signed');
    }
  }, 30_000);

  it('pdfsig reports a digest mismatch when one byte before or after the signature is changed', async () => {
    const file = await agreementPdf('rsa');
    // a digit of the PDF header's version (first range) and of the signing date /M (second range)
    for (const [pattern, name] of [
      [/(?<=%PDF-1\.)\d/, 'header.pdf'],
      [/(?<=\/M \(D:\d{4})\d/, 'date.pdf'],
    ] as const) {
      const report = pdfsig(withByteChanged(file, pattern, name));
      expect(report, name).not.toContain('Signature is Valid');
      expect(report, name).toContain('Signature Validation: Digest Mismatch.');
    }
  }, 30_000);

  it('every copy’s QR code reads back as the agreement’s verification address', async () => {
    const file = await agreementPdf('rsa');
    execFileSync('pdftoppm', ['-png', '-r', '100', file, join(dir, 'page')]);
    const pages = execFileSync('sh', ['-c', `ls ${dir}/page-*.png`], { encoding: 'utf8' })
      .trim()
      .split('\n');
    // zbarimg exits 4 when some image has no code: the pages before a copy's last have none
    const zbar = spawnSync('zbarimg', ['--raw', '-q', '-Sdisable', '-Sqrcode.enable', ...pages], { encoding: 'utf8' });
    expect(zbar.status === 0 || zbar.status === 4, zbar.stderr).toBe(true);
    const decoded = zbar.stdout.trim().split('\n');
    expect(pages.length).toBeGreaterThan(4);
    expect(decoded).toEqual(Array.from({ length: 4 }, () => `${ORIGIN}/verify/${CODE}`));
  }, 60_000);
});

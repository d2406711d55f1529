/**
 * The agreement PDF carries the platform's digital signature when PDF_SIGNING_KEY/PDF_SIGNING_CERT
 * are set (the test run's own pair, vitest.config.ts) and is still served, unsigned, without them;
 * its QR code leads to the public verification page of that very agreement. poppler's pdfsig and
 * zbarimg check the same drawing and signing code in pdf-signature.node.test.ts.
 */
import { env } from 'cloudflare:workers';
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractPdfText, pdfStreams } from '../domain/agreement-pdf/extract-text';
import { qrModules } from '../domain/agreement-pdf/qr-code';
import { parseCertificate } from '../domain/pdf-signature/certificate';
import { toPem } from '../domain/pdf-signature/der';
import { readPdfSignature } from '../domain/pdf-signature/read-pdf-signature';
import worker from '../index';
import { TestClient } from '../test/client';
import { studentWithSourceRecord, type FixtureStudent } from '../test/fixtures';
import { jobTerms, sendInvitation } from '../test/signing';
import { sessionCookieOf, workerFetch } from '../test/worker-fetch';

const ORIGIN = 'https://wangqian.test';

const cookieOf = (username: string) => sessionCookieOf(ORIGIN, username);

/** The PDF as the worker answers it, with the environment given (the run's secrets unless replaced). */
async function pdfOf(agreementId: string, cookie: string, secrets: Partial<Env> = {}): Promise<{ status: number; bytes: Uint8Array }> {
  const ctx = createExecutionContext();
  const res = await worker.fetch(
    new Request(`${ORIGIN}/api/agreements/${agreementId}/pdf`, { headers: { Cookie: cookie } }),
    { ...env, ...secrets },
    ctx,
  );
  await waitOnExecutionContext(ctx);
  return { status: res.status, bytes: new Uint8Array(await res.arrayBuffer()) };
}

async function agreementOf(): Promise<{ student: FixtureStudent; agreementId: string; verifyCode: string }> {
  const student = await studentWithSourceRecord('approved');
  const employer = await TestClient.as('employer');
  const invitation = await sendInvitation(employer, student.studentId, jobTerms());
  const client = await TestClient.as(student.username);
  const seen = (await client.get(`/api/invitations/${invitation.id}`)).body;
  expect((await client.post(`/api/invitations/${invitation.id}/accept`, { version: seen.version, data: seen.data })).status).toBe(200);
  const row = await env.DB.prepare("SELECT id, verify_code FROM records WHERE kind = 'agreements' AND student_id = ?")
    .bind(student.studentId)
    .first<{ id: string; verify_code: string }>();
  return { student, agreementId: row!.id, verifyCode: row!.verify_code };
}

/**
 * The QR code drawn in the PDF, read back as a module matrix: the path of small squares filled in
 * one go (every other rectangle of the page — cells, boxes — is far taller than a module).
 */
async function drawnQrModules(pdf: Uint8Array): Promise<boolean[][]> {
  const smallRects = (stream: string) =>
    [...stream.matchAll(/([\d.]+) ([\d.]+) ([\d.]+) ([\d.]+) re\b/g)]
      .map((m) => m.slice(1, 5).map(Number) as [number, number, number, number])
      .filter(([, , , h]) => h < 3);
  // the body page with the signature boxes (drawn once, shown by every copy)
  const withQr = (await pdfStreams(pdf)).map(smallRects).filter((r) => r.length > 0);
  expect(withQr).toHaveLength(1);
  const rects = withQr[0]!;
  const unit = rects[0]![3];
  const left = Math.min(...rects.map(([x]) => x));
  const top = Math.max(...rects.map(([, y, , h]) => y + h));
  const size = Math.round((Math.max(...rects.map(([x, , w]) => x + w)) - left) / unit);
  const modules = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
  for (const [x, y, w, h] of rects) {
    const row = Math.round((top - y - h) / unit);
    for (let c = Math.round((x - left) / unit); c < Math.round((x + w - left) / unit); c++) modules[row]![c] = true;
  }
  return modules;
}

describe('the agreement PDF is signed by the platform', () => {
  let agreement: Awaited<ReturnType<typeof agreementOf>>;
  let cookie: string;
  beforeAll(async () => {
    agreement = await agreementOf();
    cookie = await cookieOf(agreement.student.username);
  });

  it('carries an adbe.pkcs7.detached signature over the whole file, made with the configured key and certificate', async () => {
    const before = Date.now();
    const { status, bytes } = await pdfOf(agreement.agreementId, cookie);
    expect(status).toBe(200);
    const signature = await readPdfSignature(bytes);
    expect(signature).not.toBeNull();
    expect(signature!.subFilter).toBe('adbe.pkcs7.detached');
    // the two ranges cover everything but the <hex> of /Contents
    const [start, firstLength, secondStart, secondLength] = signature!.byteRange;
    expect(start).toBe(0);
    expect(secondStart + secondLength).toBe(bytes.length);
    expect(bytes[firstLength]).toBe('<'.charCodeAt(0));
    expect(bytes[secondStart - 1]).toBe('>'.charCodeAt(0));
    expect(signature!.digestMatches).toBe(true);
    expect(signature!.signatureValid).toBe(true);
    expect(toPem(signature!.certificate.der, 'CERTIFICATE')).toBe(toPem(parseCertificate(env.PDF_SIGNING_CERT).der, 'CERTIFICATE'));
    expect(signature!.certificate.commonName).toBe('网签平台（测试）');
    expect(signature!.signingTime.getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(signature!.signingTime.getTime()).toBeLessThanOrEqual(Date.now());
    // the page says so beside the QR code
    expect((await extractPdfText(bytes)).join('')).toContain('带有网签平台的数字签名');
  });

  it('no longer verifies once a single signed byte is changed', async () => {
    const { bytes } = await pdfOf(agreement.agreementId, cookie);
    const altered = Uint8Array.from(bytes);
    altered[20] = altered[20]! ^ 0x01;
    const signature = await readPdfSignature(altered);
    expect(signature!.digestMatches).toBe(false);
  });

  it('is served unsigned, still 200 and complete, without the secrets or with a key that is not the certificate’s', async () => {
    const otherKey = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const otherKeyPem = toPem(new Uint8Array((await crypto.subtle.exportKey('pkcs8', otherKey.privateKey)) as ArrayBuffer), 'PRIVATE KEY');
    for (const secrets of [
      { PDF_SIGNING_KEY: '', PDF_SIGNING_CERT: '' },
      { PDF_SIGNING_KEY: otherKeyPem },
      { PDF_SIGNING_CERT: 'not a certificate' },
    ]) {
      const { status, bytes } = await pdfOf(agreement.agreementId, cookie, secrets);
      expect(status).toBe(200);
      expect(await readPdfSignature(bytes)).toBeNull();
      const text = (await extractPdfText(bytes)).join('\n');
      expect(text).not.toContain('数字签名');
      expect(text).toContain(`${ORIGIN}/verify/${agreement.verifyCode}`);
      expect(await drawnQrModules(bytes)).toEqual(qrModules(`${ORIGIN}/verify/${agreement.verifyCode}`));
    }
  });
});

describe('the QR code of the agreement PDF', () => {
  it('encodes the public verification address of this agreement, on the request’s own origin', async () => {
    const mine = await agreementOf();
    const other = await agreementOf();
    const { bytes } = await pdfOf(mine.agreementId, await cookieOf(mine.student.username));
    const drawn = await drawnQrModules(bytes);
    expect(drawn).toEqual(qrModules(`${ORIGIN}/verify/${mine.verifyCode}`));
    expect(drawn).not.toEqual(qrModules(`${ORIGIN}/verify/${other.verifyCode}`));
    const runs = await extractPdfText(bytes);
    expect(runs).toContain('扫码查验');
    expect(runs.join('')).toContain(`验证码：${mine.verifyCode}`);
    // and the address leads to the page that names this agreement
    const page = await workerFetch(new Request(`${ORIGIN}/verify/${mine.verifyCode}`));
    expect(page.status).toBe(200);
    const number = await env.DB.prepare('SELECT number FROM records WHERE id = ?').bind(mine.agreementId).first<string>('number');
    expect(await page.text()).toContain(number!);
  });

  it('adds no 身份证号: the full number stays in its one field, as before, and nowhere in the QR, the signature or the file’s plain bytes', async () => {
    const { student, agreementId, verifyCode } = await agreementOf();
    const { bytes } = await pdfOf(agreementId, await cookieOf(student.username));
    const runs = await extractPdfText(bytes);
    // the 身份证号 cell of the student's section, drawn once in the body every copy shows
    expect(runs.filter((r) => r.includes(student.idNumber))).toEqual([student.idNumber]);
    expect(verifyCode).not.toContain(student.idNumber.slice(-6));
    const signature = await readPdfSignature(bytes);
    const plain = Array.from(bytes, (b) => String.fromCharCode(b)).join('');
    expect(plain).not.toContain(student.idNumber);
    expect(Array.from(signature!.cms, (b) => String.fromCharCode(b)).join('')).not.toContain(student.idNumber);
  });
});

/**
 * Saves a pdf-lib document with the platform's `adbe.pkcs7.detached` signature over all of it
 * (docs/security.md): placeholder, save, ByteRange, SHA-256 of the covered bytes, CMS, /Contents.
 */
import type { PDFDocument } from '@cantoo/pdf-lib';
import type { CmsSigner } from './cms-signed-data';
import { detachedSignedData } from './cms-signed-data';
import { addSignaturePlaceholder, fillByteRange, fillContents, signedBytes } from './signature-placeholder';

export const SIGNATURE_REASON = '网签平台签发：本文件由平台生成，签名后任何改动都会使签名失效';

/**
 * Room for the CMS: the certificate, a signature of up to 4096-bit RSA, the signed attributes and
 * the structure around them, with slack for a longer certificate of the same key.
 */
export const contentsBytesFor = (signer: CmsSigner) => signer.certificate.der.length + 1536;

export async function saveSigned(doc: PDFDocument, signer: CmsSigner, signingTime = new Date()): Promise<Uint8Array> {
  addSignaturePlaceholder(doc, {
    contentsBytes: contentsBytesFor(signer),
    signingTime,
    name: signer.certificate.commonName,
    reason: SIGNATURE_REASON,
  });
  const pdf = await doc.save({ updateFieldAppearances: false });
  const placeholder = fillByteRange(pdf);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', signedBytes(pdf, placeholder)));
  fillContents(pdf, placeholder, await detachedSignedData(digest, signingTime, signer));
  return pdf;
}

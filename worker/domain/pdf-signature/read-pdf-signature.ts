/**
 * Test helper: reads back the signature of a signed PDF and checks it the way a reader does —
 * the ByteRange covers the whole file but the /Contents hex string, the CMS message digest is the
 * SHA-256 of those bytes, and the RSA signature over the signed attributes verifies with the
 * certificate the CMS carries. Independent of the code that wrote it except for the DER reader;
 * poppler's pdfsig checks the same files in pdf-signature.node.test.ts.
 */
import { parseCertificateDer, type SigningCertificate } from './certificate';
import { OID } from './cms-signed-data';
import { children, oidText, readTlv, TAG, type Tlv } from './der';

export interface PdfSignature {
  subFilter: string;
  byteRange: [number, number, number, number];
  /** the CMS ContentInfo, without the zero padding of the placeholder */
  cms: Uint8Array;
  certificate: SigningCertificate;
  signingTime: Date;
  /** SHA-256 of the ByteRange equals the CMS message digest */
  digestMatches: boolean;
  /** the signature over the signed attributes verifies with the certificate's key */
  signatureValid: boolean;
}

const latin1 = (bytes: Uint8Array) => Array.from(bytes, (b) => String.fromCharCode(b)).join('');

function hexBytes(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function child(parent: Tlv, index: number, tag?: number): Tlv {
  const found = children(parent)[index];
  if (!found || (tag !== undefined && found.tag !== tag)) throw new Error(`CMS: unexpected element ${String(index)}`);
  return found;
}

function parseTime(t: Tlv): Date {
  const s = new TextDecoder().decode(t.content);
  const full = t.tag === TAG.utcTime ? (Number(s.slice(0, 2)) >= 50 ? '19' : '20') + s : s;
  return new Date(
    `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}T${full.slice(8, 10)}:${full.slice(10, 12)}:${full.slice(12, 14)}Z`,
  );
}

/** The signature of the file, or null when it has none. */
export async function readPdfSignature(pdf: Uint8Array): Promise<PdfSignature | null> {
  const text = latin1(pdf);
  const range = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!range) return null;
  const byteRange = [Number(range[1]), Number(range[2]), Number(range[3]), Number(range[4])] as PdfSignature['byteRange'];
  const [, firstLength, secondStart, secondLength] = byteRange;
  const subFilter = /\/SubFilter\s*\/([\w.]+)/.exec(text)?.[1] ?? '';
  const hex = /^<([0-9A-Fa-f]*)>$/.exec(text.slice(firstLength, secondStart))?.[1];
  if (hex === undefined) throw new Error('PDF signature: /Contents is not where the ByteRange leaves its gap');
  const padded = hexBytes(hex);
  const contentInfo = readTlv(padded, 0);
  const cms = contentInfo.der;

  if (oidText(child(contentInfo, 0, TAG.oid).content) !== OID.signedData) throw new Error('CMS: not SignedData');
  const signedData = child(child(contentInfo, 1, 0xa0), 0, TAG.sequence);
  const certificate = parseCertificateDer(child(child(signedData, 3, 0xa0), 0, TAG.sequence).der);
  const signerInfo = child(child(signedData, 4, TAG.set), 0, TAG.sequence);
  const attrsImplicit = child(signerInfo, 3, 0xa0);
  const signature = child(signerInfo, 5, TAG.octetString).content;

  const attributes = new Map<string, Tlv>();
  for (const attr of children(attrsImplicit)) attributes.set(oidText(child(attr, 0, TAG.oid).content), child(child(attr, 1, TAG.set), 0));
  const messageDigest = attributes.get(OID.messageDigest)?.content;
  const time = attributes.get(OID.signingTime);
  if (!messageDigest || !time) throw new Error('CMS: no message digest or signing time');

  const covered = new Uint8Array(firstLength + secondLength);
  covered.set(pdf.subarray(0, firstLength));
  covered.set(pdf.subarray(secondStart, secondStart + secondLength), firstLength);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', covered));

  // what was signed is the attributes as a DER SET (RFC 5652 5.4), not under the [0] tag
  const signedAttrs = Uint8Array.from(attrsImplicit.der);
  signedAttrs[0] = TAG.set;
  const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
  const key = await crypto.subtle.importKey('spki', certificate.publicKeyInfo, rsa, false, ['verify']);
  return {
    subFilter,
    byteRange,
    cms,
    certificate,
    signingTime: parseTime(time),
    digestMatches: digest.length === messageDigest.length && digest.every((b, i) => b === messageDigest[i]),
    signatureValid: await crypto.subtle.verify(rsa, key, signature, signedAttrs),
  };
}

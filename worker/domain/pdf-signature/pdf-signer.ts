/**
 * The platform's PDF signing key and certificate, from the secrets PDF_SIGNING_KEY (PKCS#8 PEM)
 * and PDF_SIGNING_CERT (PEM), imported into WebCrypto once per isolate (docs/security.md, the
 * agreement PDF's signature). RSA keys sign with RSASSA-PKCS1-v1_5, P-256 keys with ECDSA, both
 * over SHA-256. Without the secrets, or with a key that does not belong to the certificate, there
 * is no signer: the PDF is served unsigned and the reason is logged once.
 */
import { parseCertificate } from './certificate';
import type { CmsSigner } from './cms-signed-data';
import { OID } from './cms-signed-data';
import { algorithm, children, oidText, pemBody, readTlv, sequence, TAG, unsignedInteger, type Der } from './der';

export interface SigningSecrets {
  PDF_SIGNING_KEY?: string;
  PDF_SIGNING_CERT?: string;
}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const P256 = '1.2.840.10045.3.1.7';

interface KeyKind {
  importParams: Parameters<SubtleCrypto['importKey']>[2];
  signParams: Parameters<SubtleCrypto['sign']>[0];
  signatureAlgorithm: Der;
  /** WebCrypto's signature in the form CMS stores it */
  toCms(signature: Uint8Array): Uint8Array;
}

/** ECDSA in WebCrypto answers r‖s; CMS wants ECDSA-Sig-Value ::= SEQUENCE { r INTEGER, s INTEGER }. */
export function ecdsaDer(raw: Uint8Array): Uint8Array {
  const half = raw.length / 2;
  return sequence(unsignedInteger(raw.subarray(0, half)), unsignedInteger(raw.subarray(half)));
}

function keyKindOf(pkcs8: Uint8Array): KeyKind {
  const [, alg] = children(readTlv(pkcs8, 0));
  const [type, params] = alg ? children(alg) : [];
  const typeOid = type?.tag === TAG.oid ? oidText(type.content) : '';
  if (typeOid === RSA_ENCRYPTION) {
    return {
      importParams: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      signParams: { name: 'RSASSA-PKCS1-v1_5' },
      signatureAlgorithm: algorithm(OID.sha256WithRsa, true),
      toCms: (s) => s,
    };
  }
  if (typeOid === EC_PUBLIC_KEY && params?.tag === TAG.oid && oidText(params.content) === P256) {
    return {
      importParams: { name: 'ECDSA', namedCurve: 'P-256' },
      signParams: { name: 'ECDSA', hash: 'SHA-256' },
      signatureAlgorithm: algorithm(OID.ecdsaWithSha256, false),
      toCms: ecdsaDer,
    };
  }
  throw new Error(`PDF signing key: unsupported algorithm ${typeOid || 'unknown'} (RSA or EC P-256 in PKCS#8)`);
}

/** WebCrypto takes an ArrayBuffer-backed view; a copy of these few bytes is one. */
const own = (bytes: Uint8Array) => Uint8Array.from(bytes);

export async function loadSigner(keyPem: string, certPem: string): Promise<CmsSigner> {
  const pkcs8 = pemBody(keyPem, 'PRIVATE KEY');
  const certificate = parseCertificate(certPem);
  const kind = keyKindOf(pkcs8);
  const [privateKey, publicKey, certificateHash] = await Promise.all([
    crypto.subtle.importKey('pkcs8', own(pkcs8), kind.importParams, false, ['sign']),
    crypto.subtle.importKey('spki', own(certificate.publicKeyInfo), kind.importParams, false, ['verify']),
    crypto.subtle.digest('SHA-256', own(certificate.der)),
  ]);
  // a key that is not the certificate's would make every signature fail to verify
  const probe = new TextEncoder().encode('wangqian pdf signing key check');
  const probeSignature = await crypto.subtle.sign(kind.signParams, privateKey, probe);
  if (!(await crypto.subtle.verify(kind.signParams, publicKey, probeSignature, probe))) {
    throw new Error('PDF signing key does not belong to PDF_SIGNING_CERT');
  }
  return {
    certificate,
    certificateHash: new Uint8Array(certificateHash),
    signatureAlgorithm: kind.signatureAlgorithm,
    sign: async (bytes) => kind.toCms(new Uint8Array(await crypto.subtle.sign(kind.signParams, privateKey, own(bytes)))),
  };
}

let cached: { key: string; cert: string; signer: Promise<CmsSigner | null> } | null = null;

/** The signer of these secrets (imported once per isolate), or null when they are missing or unusable. */
export function pdfSigner(env: SigningSecrets): Promise<CmsSigner | null> {
  const key = env.PDF_SIGNING_KEY ?? '';
  const cert = env.PDF_SIGNING_CERT ?? '';
  if (key === '' || cert === '') return Promise.resolve(null);
  if (cached?.key !== key || cached.cert !== cert) {
    const signer = loadSigner(key, cert).catch((err: unknown) => {
      console.error(`agreement PDFs are served unsigned: ${err instanceof Error ? err.message : String(err)}`);
      return null;
    });
    cached = { key, cert, signer };
  }
  return cached.signer;
}

/**
 * A self-signed key and certificate for signing agreement PDFs where no real one is configured:
 * local development (.dev.vars, scripts/ensure-dev-vars.ts) and the tests. Production sets
 * PDF_SIGNING_KEY and PDF_SIGNING_CERT as secrets, ideally with a CA-issued certificate
 * (docs/deploy.md). Built with node:crypto and the worker's own DER writer.
 */
import { createHash, generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  algorithm,
  explicit,
  oid,
  sequence,
  setOf,
  smallInteger,
  time,
  tlv,
  toPem,
  unsignedInteger,
  utf8String,
  TAG,
  octetString,
} from '../worker/domain/pdf-signature/der';

export interface PdfSigningPair {
  /** PKCS#8 PEM, the value of PDF_SIGNING_KEY */
  keyPem: string;
  /** X.509 PEM, the value of PDF_SIGNING_CERT */
  certPem: string;
}

export interface PairOptions {
  commonName?: string;
  organization?: string;
  keyType?: 'rsa' | 'ec';
  /** validity from now, in days */
  days?: number;
  /** notBefore; default now */
  from?: Date;
}

const DAY_MS = 86_400_000;
const OIDS = {
  country: '2.5.4.6',
  organization: '2.5.4.10',
  commonName: '2.5.4.3',
  basicConstraints: '2.5.29.19',
  keyUsage: '2.5.29.15',
  subjectKeyIdentifier: '2.5.29.14',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
};

const rdn = (type: string, value: Uint8Array) => setOf(sequence(oid(type), value));
const printable = (text: string) => tlv(TAG.printableString, new TextEncoder().encode(text));
const extension = (type: string, critical: boolean, value: Uint8Array) =>
  critical ? sequence(oid(type), tlv(0x01, Uint8Array.of(0xff)), octetString(value)) : sequence(oid(type), octetString(value));

export function createPdfSigningPair(options: PairOptions = {}): PdfSigningPair {
  const { commonName = '网签平台（本地开发）', organization = '网签', keyType = 'rsa', days = 3650, from = new Date() } = options;
  const { publicKey, privateKey } =
    keyType === 'rsa' ? generateKeyPairSync('rsa', { modulusLength: 2048 }) : generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  const signatureAlgorithm = keyType === 'rsa' ? algorithm(OIDS.sha256WithRsa, true) : algorithm(OIDS.ecdsaWithSha256, false);
  const name = sequence(
    rdn(OIDS.country, printable('CN')),
    rdn(OIDS.organization, utf8String(organization)),
    rdn(OIDS.commonName, utf8String(commonName)),
  );
  const notBefore = new Date(Math.floor(from.getTime() / 1000) * 1000);
  const keyId = new Uint8Array(createHash('sha1').update(spki).digest());
  const serial = new Uint8Array(randomBytes(16));
  serial[0] = (serial[0] ?? 0) & 0x7f;
  const tbs = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    signatureAlgorithm,
    name,
    sequence(time(notBefore), time(new Date(notBefore.getTime() + days * DAY_MS))),
    name,
    spki,
    explicit(
      3,
      sequence(
        extension(OIDS.basicConstraints, true, sequence()),
        // digitalSignature and nonRepudiation (contentCommitment): bits 0 and 1
        extension(OIDS.keyUsage, true, tlv(TAG.bitString, Uint8Array.of(6, 0xc0))),
        extension(OIDS.subjectKeyIdentifier, false, octetString(keyId)),
      ),
    ),
  );
  const signature = new Uint8Array(sign('sha256', tbs, keyType === 'rsa' ? privateKey : { key: privateKey, dsaEncoding: 'der' }));
  const certificate = sequence(tbs, signatureAlgorithm, tlv(TAG.bitString, Uint8Array.of(0), signature));
  return {
    keyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    certPem: toPem(certificate, 'CERTIFICATE'),
  };
}

/**
 * The CMS SignedData (RFC 5652) of an `adbe.pkcs7.detached` PDF signature: no encapsulated
 * content (the signed bytes are the PDF's ByteRange), SHA-256, one signer identified by issuer and
 * serial number, the signing certificate included, and signed attributes carrying the content
 * type, the signing time, the message digest and the ESS signing-certificate-v2 (RFC 5035) that
 * binds the signature to that certificate.
 */
import { algorithm, explicit, implicitConstructed, octetString, oid, sequence, setOf, smallInteger, tlv, time, type Der } from './der';
import type { SigningCertificate } from './certificate';

export const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingTime: '1.2.840.113549.1.9.5',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

export interface CmsSigner {
  certificate: SigningCertificate;
  /** SHA-256 of the certificate's DER, for the signing-certificate-v2 attribute */
  certificateHash: Uint8Array;
  /** the SignerInfo's signatureAlgorithm */
  signatureAlgorithm: Der;
  /** signs these bytes with SHA-256 and the private key; the answer in the form CMS stores it */
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

const attribute = (type: string, value: Der) => sequence(oid(type), setOf(value));

/** The DER SET OF attributes that is signed (RFC 5652 5.4: the SET tag, not the [0] of the SignerInfo). */
export function signedAttributes(digest: Uint8Array, signingTime: Date, certificateHash: Uint8Array): Der {
  // ESSCertIDv2 with the default hashAlgorithm (SHA-256) left out, as DER requires
  const signingCertificate = sequence(sequence(sequence(octetString(certificateHash))));
  return setOf(
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.signingTime, time(signingTime)),
    attribute(OID.messageDigest, octetString(digest)),
    attribute(OID.signingCertificateV2, signingCertificate),
  );
}

/** A DER ContentInfo holding the detached SignedData over bytes whose SHA-256 is `digest`. */
export async function detachedSignedData(digest: Uint8Array, signingTime: Date, signer: CmsSigner): Promise<Der> {
  const sha256 = algorithm(OID.sha256, true);
  const attrs = signedAttributes(digest, signingTime, signer.certificateHash);
  const signature = await signer.sign(attrs);
  const signerInfo = sequence(
    smallInteger(1),
    sequence(signer.certificate.issuer, signer.certificate.serialNumber),
    sha256,
    implicitConstructed(0, attrs),
    signer.signatureAlgorithm,
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(sha256),
    sequence(oid(OID.data)),
    tlv(0xa0, signer.certificate.der),
    setOf(signerInfo),
  );
  return sequence(oid(OID.signedData), explicit(0, signedData));
}

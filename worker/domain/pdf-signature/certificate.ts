/**
 * What the signature needs to know of the signing certificate (X.509, RFC 5280): its issuer and
 * serial number (the CMS signer identifier), its subject's common name (shown as the signer) and
 * its public key (to check the private key belongs to it).
 */
import { children, oidText, pemBody, readTlv, TAG, type Der } from './der';

export interface SigningCertificate {
  der: Der;
  /** the issuer Name, as encoded in the certificate */
  issuer: Der;
  /** the serialNumber INTEGER, as encoded in the certificate */
  serialNumber: Der;
  /** CN of the subject, e.g. 网签平台 */
  commonName: string;
  /** the SubjectPublicKeyInfo, as encoded in the certificate */
  publicKeyInfo: Der;
}

const COMMON_NAME = '2.5.4.3';

/** The subject's CN: the last one in the Name, read as UTF8String, PrintableString or similar. */
function commonNameOf(name: ReturnType<typeof readTlv>): string {
  let cn = '';
  for (const rdn of children(name)) {
    for (const attribute of children(rdn)) {
      const [type, value] = children(attribute);
      if (type?.tag === TAG.oid && oidText(type.content) === COMMON_NAME && value) cn = new TextDecoder().decode(value.content);
    }
  }
  return cn;
}

export const parseCertificate = (pem: string) => parseCertificateDer(pemBody(pem, 'CERTIFICATE'));

export function parseCertificateDer(der: Der): SigningCertificate {
  const certificate = readTlv(der, 0);
  const [tbs] = children(certificate);
  if (certificate.tag !== TAG.sequence || tbs?.tag !== TAG.sequence) throw new Error('certificate: not an X.509 certificate');
  const fields = children(tbs);
  // version [0] EXPLICIT is present in every v3 certificate
  const rest = fields[0]?.tag === 0xa0 ? fields.slice(1) : fields;
  const [serialNumber, , issuer, , subject, publicKeyInfo] = rest;
  if (
    serialNumber?.tag !== TAG.integer ||
    issuer?.tag !== TAG.sequence ||
    subject?.tag !== TAG.sequence ||
    publicKeyInfo?.tag !== TAG.sequence
  ) {
    throw new Error('certificate: unexpected TBSCertificate layout');
  }
  return {
    der: certificate.der,
    issuer: issuer.der,
    serialNumber: serialNumber.der,
    commonName: commonNameOf(subject),
    publicKeyInfo: publicKeyInfo.der,
  };
}

/**
 * The small DER writer and reader behind the PDF signature, against fixed encodings from X.690 and
 * RFC 5652, random structures read back, and node:crypto's own X.509 and ECDSA code.
 */
import { generateKeyPairSync, sign, verify, X509Certificate } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPdfSigningPair } from '../../../scripts/pdf-signing-pair';
import { parseCertificate } from './certificate';
import { OID, signedAttributes } from './cms-signed-data';
import { children, oid, oidText, pemBody, readTlv, sequence, setOf, smallInteger, TAG, time, tlv, toPem, unsignedInteger } from './der';
import { ecdsaDer } from './pdf-signer';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

describe('DER writer', () => {
  it('writes short and long definite lengths at their boundaries', () => {
    const header = (n: number) => hex(tlv(TAG.octetString, new Uint8Array(n)).subarray(0, n < 128 ? 2 : n < 256 ? 3 : n < 65536 ? 4 : 5));
    expect(header(0)).toBe('0400');
    expect(header(127)).toBe('047F');
    expect(header(128)).toBe('048180');
    expect(header(255)).toBe('0481FF');
    expect(header(256)).toBe('04820100');
    expect(header(65535)).toBe('0482FFFF');
    expect(header(65536)).toBe('0483010000');
  });

  it('writes the object identifiers of CMS as RFC 5652 and RFC 5754 list them', () => {
    expect(hex(oid(OID.signedData))).toBe('06092A864886F70D010702');
    expect(hex(oid(OID.sha256))).toBe('0609608648016503040201');
    expect(hex(oid(OID.signingCertificateV2))).toBe('060B2A864886F70D010910022F');
    expect(hex(oid('2.5.4.3'))).toBe('0603550403');
  });

  it('reads back any object identifier it writes', () => {
    const arcs = fc.tuple(
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 39 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 31 }), { maxLength: 8 }),
    );
    fc.assert(
      fc.property(arcs, ([a, b, rest]) => {
        const dotted = [a, b, ...rest].join('.');
        expect(oidText(readTlv(oid(dotted), 0).content)).toBe(dotted);
      }),
    );
  });

  it('writes non-negative integers minimally, with a leading zero when the top bit is set', () => {
    expect(hex(smallInteger(0))).toBe('020100');
    expect(hex(smallInteger(1))).toBe('020101');
    expect(hex(smallInteger(0x7f))).toBe('02017F');
    expect(hex(smallInteger(0x80))).toBe('02020080');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0, 0x12, 0x34)))).toBe('02021234');
    expect(hex(unsignedInteger(Uint8Array.of(0, 0, 0)))).toBe('020100');
  });

  it('writes times as UTCTime through 2049 and GeneralizedTime from 2050, in UTC', () => {
    const text = (d: string) => {
      const t = readTlv(time(new Date(d)), 0);
      return [t.tag, new TextDecoder().decode(t.content)];
    };
    expect(text('2026-12-07T06:30:05.900Z')).toEqual([TAG.utcTime, '261207063005Z']);
    expect(text('2049-12-31T23:59:59Z')).toEqual([TAG.utcTime, '491231235959Z']);
    expect(text('2050-01-01T00:00:00Z')).toEqual([TAG.generalizedTime, '20500101000000Z']);
  });

  it('sorts a SET OF by encoding, whatever order it is given in (X.690 11.6)', () => {
    const items = [smallInteger(3), oid('2.5.4.3'), smallInteger(1), sequence(smallInteger(1)), tlv(TAG.integer, Uint8Array.of(1, 0))];
    fc.assert(
      fc.property(fc.shuffledSubarray(items, { minLength: items.length }), (shuffled) => {
        expect(hex(setOf(...shuffled))).toBe(hex(setOf(...items)));
      }),
    );
    expect(children(readTlv(setOf(...items), 0)).map((c) => hex(c.der))).toEqual([
      '020101',
      '020103',
      '02020100',
      '0603550403',
      '3003020101',
    ]);
  });

  it('reads back nested structures it writes, and refuses truncated input', () => {
    const leaf = fc.uint8Array({ maxLength: 300 }).map((b) => tlv(TAG.octetString, b));
    const tree = fc.letrec<{ node: Uint8Array }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }).map((kids) => sequence(...kids)),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (der) => {
        const read = readTlv(der, 0);
        expect(read.end).toBe(der.length);
        if (read.tag === TAG.sequence) expect(hex(sequence(...children(read).map((c) => c.der)))).toBe(hex(der));
        if (der.length > 2) expect(() => readTlv(der.subarray(0, der.length - 1), 0)).toThrow();
      }),
    );
  });

  it('turns PEM into DER and back, tolerating the escaped line breaks of a .dev.vars value', () => {
    const der = sequence(smallInteger(5), oid('1.2.3'));
    const pem = toPem(der, 'THING');
    expect(hex(pemBody(pem, 'THING'))).toBe(hex(der));
    expect(hex(pemBody(pem.replace(/\n/g, '\\n'), 'THING'))).toBe(hex(der));
    expect(() => pemBody(pem, 'CERTIFICATE')).toThrow('no CERTIFICATE');
  });
});

describe('signing certificate and CMS pieces', () => {
  it('reads issuer, serial number, subject and key of a certificate as node:crypto does', () => {
    for (const keyType of ['rsa', 'ec'] as const) {
      const pair = createPdfSigningPair({ commonName: '网签平台（测试）', organization: '某省就业中心', keyType });
      const ours = parseCertificate(pair.certPem);
      const theirs = new X509Certificate(pair.certPem);
      expect(ours.commonName).toBe('网签平台（测试）');
      expect(theirs.subject).toContain('CN=网签平台（测试）');
      expect(hex(readTlv(ours.serialNumber, 0).content).replace(/^00/, '')).toBe(theirs.serialNumber.toUpperCase());
      expect(hex(ours.der)).toBe(hex(new Uint8Array(theirs.raw)));
      expect(Buffer.from(ours.publicKeyInfo).equals(theirs.publicKey.export({ type: 'spki', format: 'der' }))).toBe(true);
      expect(theirs.issuer).toBe(theirs.subject);
      expect(theirs.verify(theirs.publicKey)).toBe(true);
    }
  });

  it('turns a WebCrypto ECDSA signature (r‖s) into the DER that verifiers expect, top bits and leading zeros included', () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    for (let i = 0; i < 40; i++) {
      const data = Buffer.from(`message ${String(i)}`);
      const raw = new Uint8Array(sign('sha256', data, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
      expect(verify('sha256', data, { key: publicKey, dsaEncoding: 'der' }, ecdsaDer(raw))).toBe(true);
    }
    // r = 0x8001 takes a leading zero, s = 0x007F loses one
    expect(hex(ecdsaDer(Uint8Array.of(0x80, 1, 0, 0x7f)))).toBe('3008020300800102017F');
  });

  it('signs the attributes CMS requires, in DER order, with the digest and the certificate hash', () => {
    const digest = new Uint8Array(32).fill(0xab);
    const certHash = new Uint8Array(32).fill(0xcd);
    const attrs = readTlv(signedAttributes(digest, new Date('2026-12-07T06:30:05Z'), certHash), 0);
    expect(attrs.tag).toBe(TAG.set);
    const types = children(attrs).map((a) => oidText(children(a)[0]!.content));
    expect(types.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingTime, OID.signingCertificateV2].sort());
    const value = (type: string) => children(children(children(attrs).find((a) => oidText(children(a)[0]!.content) === type)!)[1]!)[0]!;
    expect(hex(value(OID.messageDigest).content)).toBe(hex(digest));
    expect(oidText(value(OID.contentType).content)).toBe(OID.data);
    expect(new TextDecoder().decode(value(OID.signingTime).content)).toBe('261207063005Z');
    expect(hex(value(OID.signingCertificateV2).der)).toContain(hex(certHash));
  });
});

/**
 * The few pieces of ASN.1 DER (X.690) the PDF signature needs: writing the fixed CMS SignedData
 * structure, and reading the issuer, serial number and subject out of an X.509 certificate.
 * A general ASN.1 library (pkijs with asn1js) weighs ~86 KiB gzip in the worker bundle; this is the
 * part of it that one fixed structure uses.
 */

export type Der = Uint8Array;

export const TAG = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
} as const;

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, p) => sum + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Definite length: short form below 128, else 0x80|n followed by n big-endian bytes. */
function lengthBytes(length: number): number[] {
  if (length < 0x80) return [length];
  const bytes: number[] = [];
  for (let n = length; n > 0; n = Math.floor(n / 256)) bytes.unshift(n % 256);
  return [0x80 | bytes.length, ...bytes];
}

/** One TLV: a tag byte (all tags here are low-number) around the concatenated content. */
export function tlv(tag: number, ...content: readonly Uint8Array[]): Der {
  const body = concat(content);
  return concat([Uint8Array.of(tag, ...lengthBytes(body.length)), body]);
}

export const sequence = (...items: readonly Der[]) => tlv(TAG.sequence, ...items);

/** SET OF in DER: the encodings sorted as octet strings (X.690 11.6), a shorter one first on a tie. */
export function setOf(...items: readonly Der[]): Der {
  const sorted = [...items].sort((a, b) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = (a[i] ?? 0) - (b[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.length - b.length;
  });
  return tlv(TAG.set, ...sorted);
}

/** [n] EXPLICIT: a constructed context tag around the whole inner encoding. */
export const explicit = (n: number, inner: Der) => tlv(0xa0 | n, inner);

/** [n] IMPLICIT of a constructed type (SET OF): the same content under a context tag. */
export const implicitConstructed = (n: number, inner: Der) => tlv(0xa0 | n, readTlv(inner, 0).content);

export const octetString = (bytes: Uint8Array) => tlv(TAG.octetString, bytes);
export const derNull = () => Uint8Array.of(TAG.null, 0);
export const utf8String = (text: string) => tlv(TAG.utf8String, new TextEncoder().encode(text));

/** A non-negative INTEGER from its big-endian magnitude (a leading 0 keeps it positive). */
export function unsignedInteger(magnitude: Uint8Array): Der {
  let start = 0;
  while (start < magnitude.length - 1 && magnitude[start] === 0) start++;
  const trimmed = magnitude.subarray(start);
  const needsZero = trimmed.length === 0 || (trimmed[0] ?? 0) >= 0x80;
  return tlv(TAG.integer, needsZero ? concat([Uint8Array.of(0), trimmed]) : trimmed);
}

export const smallInteger = (n: number) => unsignedInteger(Uint8Array.of(n));

export function oid(dotted: string): Der {
  const arcs = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = arcs;
  const bytes: number[] = [];
  for (const arc of [first * 40 + second, ...rest]) {
    const group = [arc % 128];
    for (let n = Math.floor(arc / 128); n > 0; n = Math.floor(n / 128)) group.unshift(0x80 | (n % 128));
    bytes.push(...group);
  }
  return tlv(TAG.oid, Uint8Array.from(bytes));
}

const two = (n: number) => String(n).padStart(2, '0');

/**
 * A time as CMS and X.509 want it (RFC 5280 4.1.2.5): UTCTime through 2049, GeneralizedTime from
 * 2050, always UTC with whole seconds.
 */
export function time(at: Date): Der {
  const y = at.getUTCFullYear();
  const rest = `${two(at.getUTCMonth() + 1)}${two(at.getUTCDate())}${two(at.getUTCHours())}${two(at.getUTCMinutes())}${two(at.getUTCSeconds())}Z`;
  const ascii = (s: string) => new TextEncoder().encode(s);
  return y < 2050 ? tlv(TAG.utcTime, ascii(two(y % 100) + rest)) : tlv(TAG.generalizedTime, ascii(String(y) + rest));
}

/** An AlgorithmIdentifier, with NULL parameters when asked (RSA and the SHA-2 digests in CMS). */
export const algorithm = (dotted: string, nullParams: boolean) => (nullParams ? sequence(oid(dotted), derNull()) : sequence(oid(dotted)));

export interface Tlv {
  tag: number;
  /** the whole encoding, tag and length included */
  der: Der;
  content: Uint8Array;
  /** offset just past this element in the buffer it was read from */
  end: number;
}

/** Reads the element at `at`; throws on anything that is not definite-length DER within the buffer. */
export function readTlv(bytes: Uint8Array, at: number): Tlv {
  const tag = bytes[at];
  let lengthByte = bytes[at + 1];
  if (tag === undefined || lengthByte === undefined) throw new Error('DER: truncated');
  if ((tag & 0x1f) === 0x1f) throw new Error('DER: high tag numbers are not used here');
  let headerLength = 2;
  let length = lengthByte;
  if (lengthByte >= 0x80) {
    const count = lengthByte & 0x7f;
    if (count === 0 || count > 4) throw new Error('DER: unsupported length');
    length = 0;
    for (let i = 0; i < count; i++) {
      lengthByte = bytes[at + 2 + i];
      if (lengthByte === undefined) throw new Error('DER: truncated');
      length = length * 256 + lengthByte;
    }
    headerLength += count;
  }
  const end = at + headerLength + length;
  if (end > bytes.length) throw new Error('DER: truncated');
  return { tag, der: bytes.subarray(at, end), content: bytes.subarray(at + headerLength, end), end };
}

/** The elements directly inside a constructed element. */
export function children(parent: Tlv): Tlv[] {
  const out: Tlv[] = [];
  const base = parent.content.byteOffset - parent.der.byteOffset;
  for (let at = base; at < parent.der.length; ) {
    const child = readTlv(parent.der, at);
    out.push(child);
    at = child.end;
  }
  return out;
}

/** The dotted form of an OBJECT IDENTIFIER's content. */
export function oidText(content: Uint8Array): string {
  const arcs: number[] = [];
  let n = 0;
  for (const byte of content) {
    n = n * 128 + (byte & 0x7f);
    if (byte < 0x80) {
      arcs.push(n);
      n = 0;
    }
  }
  const [first = 0, ...rest] = arcs;
  const top = first < 80 ? Math.floor(first / 40) : 2;
  return [top, first - top * 40, ...rest].join('.');
}

/** The bytes of the first PEM block with this label (whitespace and literal "\n" tolerated). */
export function pemBody(pem: string, label: string): Uint8Array {
  const match = new RegExp(`-----BEGIN ${label}-----([\\s\\S]*?)-----END ${label}-----`).exec(pem);
  if (!match?.[1]) throw new Error(`PEM: no ${label} block`);
  const base64 = match[1].replace(/\\n|\s/g, '');
  const binary = atob(base64);
  return Uint8Array.from(binary, (ch) => ch.charCodeAt(0));
}

export function toPem(der: Uint8Array, label: string): string {
  let binary = '';
  for (const byte of der) binary += String.fromCharCode(byte);
  const lines = btoa(binary).match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * The room a PDF signature is written into (ISO 32000-1 12.8.1): before saving, the document gets
 * an invisible signature field on its first page whose signature dictionary holds a zero-filled
 * `/Contents <00…>` and a `/ByteRange [0 0000000000 0000000000 0000000000]` of fixed width. After
 * saving, `fillByteRange` writes the real ranges (everything but the `<…>` of /Contents) over the
 * zeros and `fillContents` writes the CMS signature into the hex string, so no byte offset moves.
 *
 * The dictionary is registered as raw bytes (PDFInvalidObject) so that pdf-lib writes it verbatim,
 * outside any object stream, where the placeholders can be found again.
 */
import { PDFArray, PDFDict, PDFInvalidObject, PDFName, PDFNumber, PDFString, type PDFDocument } from '@cantoo/pdf-lib';

const RANGE_WIDTH = 10;
const BYTE_RANGE_MARKER = `/ByteRange [0 ${'0'.repeat(RANGE_WIDTH)} ${'0'.repeat(RANGE_WIDTH)} ${'0'.repeat(RANGE_WIDTH)}]`;
const CONTENTS_MARKER = '/Contents <';

/** ISO 32000-1 12.7.3.1 annotation flags: Print | Locked. */
const WIDGET_FLAGS = 4 | 128;
/** ISO 32000-1 12.7.2 SigFlags: SignaturesExist | AppendOnly. */
const SIG_FLAGS = 1 | 2;

export interface PlaceholderOptions {
  /** bytes reserved for the DER signature (written as twice as many hex digits) */
  contentsBytes: number;
  signingTime: Date;
  /** shown by readers as who signed, e.g. the certificate's common name */
  name: string;
  reason: string;
}

/** A text string for the dictionary: UTF-16BE with a BOM, as hex, so Chinese survives. */
function textString(text: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0').toUpperCase();
  return `<${hex}>`;
}

/** D:YYYYMMDDHHmmSSZ (ISO 32000-1 7.9.4), in UTC. */
function pdfDate(at: Date): string {
  return `(D:${at.toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z)`;
}

export function addSignaturePlaceholder(doc: PDFDocument, options: PlaceholderOptions): void {
  const dictionary =
    '<<\n/Type /Sig\n/Filter /Adobe.PPKLite\n/SubFilter /adbe.pkcs7.detached\n' +
    `${BYTE_RANGE_MARKER}\n${CONTENTS_MARKER}${'0'.repeat(options.contentsBytes * 2)}>\n` +
    `/M ${pdfDate(options.signingTime)}\n/Name ${textString(options.name)}\n/Reason ${textString(options.reason)}\n>>`;
  const signatureRef = doc.context.register(PDFInvalidObject.of(new TextEncoder().encode(dictionary)));

  const firstPage = doc.getPage(0);
  const widgetRef = doc.context.register(
    doc.context.obj({
      Type: 'Annot',
      Subtype: 'Widget',
      FT: 'Sig',
      Rect: [0, 0, 0, 0],
      V: signatureRef,
      T: PDFString.of('PlatformSignature'),
      F: WIDGET_FLAGS,
      P: firstPage.ref,
    }),
  );
  const annots = firstPage.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? doc.context.obj([]);
  annots.push(widgetRef);
  firstPage.node.set(PDFName.of('Annots'), annots);

  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict) ?? doc.context.obj({ Fields: [] });
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(SIG_FLAGS));
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? doc.context.obj([]);
  fields.push(widgetRef);
  acroForm.set(PDFName.of('Fields'), fields);
  doc.catalog.set(PDFName.of('AcroForm'), doc.context.register(acroForm));
}

const ascii = (text: string) => new TextEncoder().encode(text);

function indexOf(haystack: Uint8Array, needle: Uint8Array, from = 0): number {
  const first = needle[0];
  for (
    let i = haystack.indexOf(first ?? 0, from);
    i !== -1 && i <= haystack.length - needle.length;
    i = haystack.indexOf(first ?? 0, i + 1)
  ) {
    let j = 1;
    while (j < needle.length && haystack[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

export interface Placeholder {
  /** [0, start of `<`, end after `>`, length of the rest]: what the signature covers */
  byteRange: [number, number, number, number];
  /** where the hex digits of /Contents begin, and how many there are */
  contentsAt: number;
  contentsHexLength: number;
}

/** Finds the placeholders in the saved PDF and writes the real ByteRange over the zeros. */
export function fillByteRange(pdf: Uint8Array): Placeholder {
  const rangeAt = indexOf(pdf, ascii(BYTE_RANGE_MARKER));
  const contentsMarkerAt = indexOf(pdf, ascii(CONTENTS_MARKER), rangeAt);
  if (rangeAt === -1 || contentsMarkerAt === -1) throw new Error('PDF signature placeholder not found');
  const start = contentsMarkerAt + CONTENTS_MARKER.length - 1;
  const close = pdf.indexOf('>'.charCodeAt(0), start);
  if (close === -1) throw new Error('PDF signature placeholder not closed');
  const end = close + 1;
  const byteRange: Placeholder['byteRange'] = [0, start, end, pdf.length - end];
  // same width as the marker: the numbers, then spaces up to the closing bracket
  const filled = `/ByteRange [${byteRange.join(' ')}`.padEnd(BYTE_RANGE_MARKER.length - 1, ' ') + ']';
  if (filled.length !== BYTE_RANGE_MARKER.length) throw new Error('PDF too large for the ByteRange placeholder');
  pdf.set(ascii(filled), rangeAt);
  return { byteRange, contentsAt: start + 1, contentsHexLength: end - start - 2 };
}

/** The bytes the signature covers: everything but the `<…>` of /Contents. */
export function signedBytes(pdf: Uint8Array, placeholder: Placeholder): Uint8Array {
  const [, firstLength, secondStart, secondLength] = placeholder.byteRange;
  const out = new Uint8Array(firstLength + secondLength);
  out.set(pdf.subarray(0, firstLength), 0);
  out.set(pdf.subarray(secondStart, secondStart + secondLength), firstLength);
  return out;
}

/** Writes the DER signature as hex into /Contents; the rest of the placeholder stays zero (allowed padding). */
export function fillContents(pdf: Uint8Array, placeholder: Placeholder, der: Uint8Array): void {
  if (der.length * 2 > placeholder.contentsHexLength) {
    throw new Error(`PDF signature of ${der.length} bytes does not fit its ${placeholder.contentsHexLength / 2}-byte placeholder`);
  }
  let hex = '';
  for (const byte of der) hex += byte.toString(16).padStart(2, '0').toUpperCase();
  pdf.set(ascii(hex), placeholder.contentsAt);
}

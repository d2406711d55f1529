/**
 * What an upload really is, decided by its first bytes (magic numbers) only. The client's file
 * name and declared type are never consulted: both are whatever the sender wants them to be.
 */

export type UploadContentType = 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const PDF_SIGNATURE = Array.from('%PDF-', (ch) => ch.charCodeAt(0));
const RIFF = Array.from('RIFF', (ch) => ch.charCodeAt(0));
const WEBP = Array.from('WEBP', (ch) => ch.charCodeAt(0));

function startsWithAt(bytes: Uint8Array, signature: number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

/** The accepted type these bytes are, or null for anything else (text, HTML, ZIP, SVG, …). */
export function sniffContentType(bytes: Uint8Array): UploadContentType | null {
  if (startsWithAt(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  if (startsWithAt(bytes, PNG_SIGNATURE)) return 'image/png';
  // RIFF container: 4 bytes "RIFF", 4 bytes little-endian size, then the form type "WEBP"
  if (startsWithAt(bytes, RIFF) && startsWithAt(bytes, WEBP, 8)) return 'image/webp';
  if (startsWithAt(bytes, PDF_SIGNATURE)) return 'application/pdf';
  return null;
}

/** File-name extension for a sniffed type, used only for the download name we make ourselves. */
export function extensionOf(type: UploadContentType): string {
  switch (type) {
    case 'image/jpeg':
      return 'jpg';
    case 'image/png':
      return 'png';
    case 'image/webp':
      return 'webp';
    case 'application/pdf':
      return 'pdf';
  }
}

/** The kind a form field's `accept` list speaks of ('image' | 'pdf'). */
export function acceptKindOf(type: string): 'image' | 'pdf' | null {
  if (type === 'application/pdf') return 'pdf';
  if (type === 'image/jpeg' || type === 'image/png' || type === 'image/webp') return 'image';
  return null;
}

/**
 * Text as it may be drawn: no control characters (they would print as boxes or break lines the
 * layout did not plan), tabs as spaces, and the CJK look-alikes that share a glyph with a unified
 * ideograph folded onto it (康熙部首 U+2F00–2FDF, 兼容汉字 U+F900–FAFF): otherwise the PDF's
 * copy-and-paste text (ToUnicode) could name the look-alike instead of the character meant.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is this pattern's purpose
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const LOOK_ALIKES = /[\u2f00-\u2fdf\uf900-\ufaff]/g;

export function printableText(value: string): string {
  return value
    .replace(/\r\n?/g, '\n')
    .replace(/\t/g, ' ')
    .replace(CONTROL, '')
    .replace(LOOK_ALIKES, (ch) => ch.normalize('NFKC'));
}

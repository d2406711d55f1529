/**
 * Full-width ASCII (ＡＢＣ１２３＠，as typed with a Chinese input method) to its half-width form,
 * and the ideographic space to a plain space.
 */
const FULL_WIDTH = /[\uFF01-\uFF5E\u3000]/g;

export function toHalfWidth(text: string): string {
  return text.replace(FULL_WIDTH, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

/** Half-width, without any whitespace: the form typed values are compared in. */
export function compactText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '');
}

/**
 * Breaks text into lines no wider than a column, measuring each character with the embedded
 * font's advance widths. Chinese breaks between any two characters; a run of Latin letters or
 * digits (an e-mail, a credit code, an English word) is kept whole when it fits on a line; closing
 * punctuation never starts a line (避头点).
 */
import { printableText } from './printable-text';

/** width of one character at font size 1 */
export type CharWidth = (ch: string) => number;

const NO_LINE_START = new Set(Array.from('，。、；：？！）》」』】〕〉”’,.;:?!)]}%·…—～'));
const WORD_CHAR = /[A-Za-z0-9@._\-+/#&=:%]/;

export function wrapText(text: string, maxWidth: number, size: number, charWidth: CharWidth): string[] {
  const limit = maxWidth / size;
  const lines: string[] = [];
  for (const paragraph of printableText(text).split('\n')) {
    let line: string[] = [];
    let width = 0;
    for (const ch of Array.from(paragraph)) {
      const w = charWidth(ch);
      if (line.length === 0 && ch === ' ') continue;
      if (width + w <= limit || line.length === 0) {
        line.push(ch);
        width += w;
        continue;
      }
      // The character does not fit: decide how much of the current line moves down with it.
      let carry = 0;
      if (WORD_CHAR.test(ch)) {
        while (carry < line.length && WORD_CHAR.test(line[line.length - 1 - carry] ?? '')) carry++;
        if (carry === line.length) carry = 0; // one long word: break it anywhere
      } else if (NO_LINE_START.has(ch) && line.length > 1) {
        carry = 1;
      }
      // never carry more than fits on the next line together with the character
      if (carry > 0 && line.slice(line.length - carry).reduce((sum, c) => sum + charWidth(c), w) > limit) carry = 0;
      const moved = line.splice(line.length - carry, carry);
      lines.push(line.join('').trimEnd());
      line = moved[0] === ' ' ? moved.slice(1) : moved;
      if (ch !== ' ' || line.length > 0) line.push(ch);
      width = line.reduce((sum, c) => sum + charWidth(c), 0);
    }
    lines.push(line.join('').trimEnd());
  }
  return lines;
}

type MeasurableFont = { unitsPerEm: number; glyphForCodePoint(cp: number): { advanceWidth: number } };
const byFont = new WeakMap<MeasurableFont, CharWidth>();

/** Width measurement from a parsed font, cached per character for the life of the isolate. */
export function charWidthOf(font: MeasurableFont): CharWidth {
  const known = byFont.get(font);
  if (known) return known;
  const cache = new Map<string, number>();
  const charWidth: CharWidth = (ch) => {
    let w = cache.get(ch);
    if (w === undefined) {
      w = font.glyphForCodePoint(ch.codePointAt(0) ?? 0).advanceWidth / font.unitsPerEm;
      cache.set(ch, w);
    }
    return w;
  };
  byFont.set(font, charWidth);
  return charWidth;
}

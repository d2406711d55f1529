/**
 * JSON with every non-ASCII character written as a `\uXXXX` escape. A bulk write's rows travel to
 * D1 as one JSON string parameter; one Chinese name makes the whole string two-byte in V8, and such
 * strings cost far more to encode, send and parse on the way to SQLite than one-byte ones (about
 * 1.6× for a 20,000-row import). SQLite's JSON functions turn the escapes back into the same text.
 */
const escapes = new Map<number, string>();

function escapeOf(code: number): string {
  let e = escapes.get(code);
  if (e === undefined) {
    e = '\\u' + code.toString(16).padStart(4, '0');
    escapes.set(code, e);
  }
  return e;
}

export function asciiJson(value: unknown): string {
  const json = JSON.stringify(value);
  // a loop over char codes: a regex replace with a callback costs ~5× more on a 1 MB chunk
  let out = '';
  let from = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) continue;
    out += json.slice(from, i) + escapeOf(code);
    from = i + 1;
  }
  return from === 0 ? json : out + json.slice(from);
}

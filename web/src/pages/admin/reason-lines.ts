/** The admin's textarea of reasons: one a line, blank lines ignored. */
export function reasonLines(text: string): string[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
}

/** A refusal of the list as one sentence naming the lines (`reasons.2` is line 3). */
export function reasonErrorText(message: string, fields: ReadonlyArray<{ path: string; message: string }>): string {
  const lines = fields
    .map((f) => ({ n: /^reasons\.(\d+)$/.exec(f.path), m: f.message }))
    .filter((x) => x.n)
    .map((x) => `第 ${Number(x.n![1]) + 1} 条：${x.m}`);
  return lines.length ? `${message}（${lines.join('；')}）` : message;
}

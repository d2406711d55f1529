/** The admin's textarea of reasons: one a line, blank lines ignored. */
export function reasonLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
}

/** A refusal of the list as one sentence naming the lines (`reasons.2` is line 3). */
export function reasonErrorText(message: string, fields: ReadonlyArray<{ path: string; message: string }>): string {
  const lines = fields.flatMap((f) => {
    const n = /^reasons\.(\d+)$/.exec(f.path)?.[1];
    return n === undefined ? [] : [`第 ${Number(n) + 1} 条：${f.message}`];
  });
  return lines.length ? `${message}（${lines.join('；')}）` : message;
}

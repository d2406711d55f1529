/** A thrown value's message, or the value itself as text when it carries none. */
export function messageOf(err: unknown): string {
  const message = typeof err === 'object' && err !== null && 'message' in err ? err.message : undefined;
  return String(message ?? err);
}

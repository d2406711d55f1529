/** Unsaved form input kept in sessionStorage per record (and its version), so a refresh loses nothing. */
interface Draft {
  version: number;
  values: Record<string, unknown>;
  savedAt: number;
}

const keyOf = (scope: string) => `wq:draft:${scope}`;

export function loadDraft(scope: string, version: number): Record<string, unknown> | null {
  flushDrafts();
  try {
    const raw = sessionStorage.getItem(keyOf(scope));
    if (!raw) return null;
    const d = JSON.parse(raw) as Partial<Draft>;
    if (d.version !== version || !d.values || typeof d.values !== 'object') {
      sessionStorage.removeItem(keyOf(scope));
      return null;
    }
    return d.values;
  } catch {
    return null;
  }
}

/**
 * Writes wait for a pause in typing: serialising the whole form into sessionStorage on every
 * keystroke cost a good part of the keystroke. Leaving or reloading the page writes at once, so
 * a refresh still loses nothing.
 */
const PAUSE_MS = 400;
const pending = new Map<string, Draft>();
let timer: ReturnType<typeof setTimeout> | undefined;

function write(scope: string, draft: Draft): void {
  try {
    sessionStorage.setItem(keyOf(scope), JSON.stringify(draft));
  } catch {
    // quota or private mode: drafts are a convenience
  }
}

function flushDrafts(): void {
  if (timer !== undefined) clearTimeout(timer);
  timer = undefined;
  for (const [scope, draft] of pending) write(scope, draft);
  pending.clear();
}

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', flushDrafts);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flushDrafts();
  });
}

export function saveDraft(scope: string, version: number, values: Record<string, unknown>): void {
  pending.set(scope, { version, values, savedAt: Date.now() } satisfies Draft);
  if (timer !== undefined) clearTimeout(timer);
  timer = setTimeout(flushDrafts, PAUSE_MS);
}

export function clearDraft(scope: string): void {
  // a write still waiting must not bring the draft back
  pending.delete(scope);
  try {
    sessionStorage.removeItem(keyOf(scope));
  } catch {
    // ignore
  }
}

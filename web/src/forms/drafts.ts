/** Unsaved form input kept in sessionStorage per record (and its version), so a refresh loses nothing. */
interface Draft {
  version: number;
  values: Record<string, unknown>;
  savedAt: number;
}

const keyOf = (scope: string) => `wq:draft:${scope}`;

export function loadDraft(scope: string, version: number): Record<string, unknown> | null {
  try {
    const raw = sessionStorage.getItem(keyOf(scope));
    if (!raw) return null;
    const d = JSON.parse(raw) as Draft;
    if (d.version !== version || !d.values || typeof d.values !== 'object') {
      sessionStorage.removeItem(keyOf(scope));
      return null;
    }
    return d.values;
  } catch {
    return null;
  }
}

export function saveDraft(scope: string, version: number, values: Record<string, unknown>): void {
  try {
    sessionStorage.setItem(keyOf(scope), JSON.stringify({ version, values, savedAt: Date.now() } satisfies Draft));
  } catch {
    // quota or private mode: drafts are a convenience
  }
}

export function clearDraft(scope: string): void {
  try {
    sessionStorage.removeItem(keyOf(scope));
  } catch {
    // ignore
  }
}

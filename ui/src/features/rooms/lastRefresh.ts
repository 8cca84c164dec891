// When the list last heard from the connection, kept in the webview's local storage so the
// offline banner can say how old the cached rooms are, also after a restart. It holds a
// time and nothing else.
const KEY = "roomdesk.rooms.lastRefreshMs";

export function recordRefresh(ms: number): void {
  try {
    window.localStorage.setItem(KEY, String(ms));
  } catch {
    // Storage unavailable (private mode, quota): the banner then says "never refreshed".
  }
}

/** The last refresh in ms since the epoch, or null if none was recorded. */
export function readLastRefresh(): number | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    const ms = raw === null ? Number.NaN : Number(raw);
    return Number.isFinite(ms) && ms > 0 ? ms : null;
  } catch {
    return null;
  }
}

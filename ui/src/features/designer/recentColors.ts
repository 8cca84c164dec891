// The last colors applied in this app (saved on a room, or as the org / a company color),
// newest first, kept in the webview's local storage and offered as swatches under every
// color field. Colors only; nothing about the rooms they went on.
import { useSyncExternalStore } from "react";
import { displayHex } from "./hexColor";

const KEY = "roomdesk.designer.recentColors";
export const RECENT_LIMIT = 8;

const listeners = new Set<() => void>();
let cache: { raw: string | null; colors: string[] } | null = null;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(KEY);
  } catch {
    return null;
  }
}

/** The recent colors, newest first (`#RRGGBB`). */
export function readRecentColors(): string[] {
  const raw = readRaw();
  if (cache?.raw === raw) return cache.colors;
  let colors: string[] = [];
  try {
    const parsed: unknown = raw === null ? [] : JSON.parse(raw);
    if (Array.isArray(parsed)) {
      colors = parsed.filter((c): c is string => typeof c === "string" && displayHex(c) === c).slice(0, RECENT_LIMIT);
    }
  } catch {
    colors = [];
  }
  cache = { raw, colors };
  return colors;
}

/** Puts the colors first (as the core stores them), dropping repeats and the oldest past the limit. */
export function rememberColors(applied: readonly (string | null | undefined)[]): void {
  const fresh = applied.map((c) => displayHex(c)).filter((c): c is string => c !== null);
  if (fresh.length === 0) return;
  const next = [...new Set([...fresh, ...readRecentColors()])].slice(0, RECENT_LIMIT);
  try {
    window.localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Storage unavailable: no recent colors this time.
  }
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function useRecentColors(): string[] {
  return useSyncExternalStore(subscribe, readRecentColors);
}

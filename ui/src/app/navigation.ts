// The one gate every route change passes. The app moves with `goTo` (which `navigate`
// and every same-page `href="#/..."` link use: a click on one is turned into `goTo`), and
// the browser moves with Back/Forward. While a screen holds a blocker (unsaved edits),
// the move waits until the user decides: `proceed` goes there after all, `stay` forgets
// it. Screens read the committed hash, never `location.hash`, so they never see a blocked
// route, not even for the moment before Back is undone.
//
// Each history entry the app makes carries its index in its state, so a Back/Forward
// that has to be undone is undone by going the same number of steps the other way.

type Pending = { hash: string; steps: number | null };

let installed = false;
let committed = "";
let committedIndex = 0;
/** Set while the app itself goes where a pending move wanted to: that move is let through. */
let passing: string | null = null;
let pending: Pending | null = null;
const blockers = new Set<() => boolean>();
const listeners = new Set<() => void>();

function emit() {
  for (const listener of listeners) listener();
}

function entryIndex(): number | null {
  const state: unknown = window.history.state;
  if (typeof state === "object" && state !== null && "roomdeskIndex" in state && typeof state.roomdeskIndex === "number") {
    return state.roomdeskIndex;
  }
  return null;
}

function blocked(): boolean {
  for (const isBlocking of blockers) if (isBlocking()) return true;
  return false;
}

function commit(hash: string, index: number) {
  committed = hash;
  committedIndex = index;
  passing = null;
  pending = null;
  emit();
}

/** A Back/Forward (or a hash set by someone else): let it through, or undo it and ask. */
function onTraversal() {
  const next = window.location.hash;
  const index = entryIndex();
  if (next === committed) {
    if (index !== null) committedIndex = index;
    return;
  }
  if (passing !== next && blocked()) {
    if (index !== null) {
      pending = { hash: next, steps: index - committedIndex };
      window.history.go(committedIndex - index);
    } else {
      // An entry the app did not make: put the screen's address back on it.
      pending = { hash: next, steps: null };
      window.history.replaceState({ roomdeskIndex: committedIndex }, "", committed || "#");
    }
    emit();
    return;
  }
  if (index === null) window.history.replaceState({ roomdeskIndex: committedIndex + 1 }, "");
  commit(next, index ?? committedIndex + 1);
}

/** A click on a same-page link goes through `goTo`, so a blocker can hold it. */
function onClick(event: MouseEvent) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
  const href = link?.getAttribute("href");
  if (!link || !href?.startsWith("#") || link.hasAttribute("target") || link.hasAttribute("download")) return;
  event.preventDefault();
  goTo(href);
}

/** Reads the address into the gate (at start-up; tests call it after setting the URL). */
export function syncWithLocation() {
  const index = entryIndex();
  if (index === null) window.history.replaceState({ roomdeskIndex: 0 }, "");
  committed = window.location.hash;
  committedIndex = index ?? 0;
  pending = null;
  passing = null;
  emit();
}

function install() {
  if (installed) return;
  installed = true;
  syncWithLocation();
  window.addEventListener("popstate", onTraversal);
  window.addEventListener("hashchange", onTraversal);
  document.addEventListener("click", onClick);
}

export function subscribeRoute(onChange: () => void): () => void {
  install();
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}

/** The hash of the screen on show (a held move is not in it). */
export function committedHash(): string {
  install();
  return committed;
}

/** Moves to `hash` as a new history entry, unless a blocker holds it. */
export function goTo(hash: string) {
  install();
  if (hash === committed) return;
  if (passing !== hash && blocked()) {
    pending = { hash, steps: null };
    emit();
    return;
  }
  window.history.pushState({ roomdeskIndex: committedIndex + 1 }, "", hash);
  commit(hash, committedIndex + 1);
}

/** Whether Back stays inside the app (an entry the app made comes before this one). */
export function canGoBack(): boolean {
  install();
  return committedIndex > 0;
}

/** The move waiting for the user's decision, if any. */
export function pendingHash(): string | null {
  return pending?.hash ?? null;
}

/** Goes where the held move wanted to go. */
export function proceed() {
  const target = pending;
  if (!target) return;
  pending = null;
  passing = target.hash;
  if (target.steps !== null && target.steps !== 0) window.history.go(target.steps);
  else goTo(target.hash);
  emit();
}

/** Forgets the held move: the user stays. */
export function stay() {
  pending = null;
  emit();
}

/** Holds moves while `isBlocking()` answers true; returns the release. */
export function addBlocker(isBlocking: () => boolean): () => void {
  install();
  blockers.add(isBlocking);
  return () => {
    blockers.delete(isBlocking);
    if (blockers.size === 0 && pending) {
      pending = null;
      emit();
    }
  };
}

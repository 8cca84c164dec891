// The list's keyboard: `/` focuses the search, `j`/`k` (or the arrows) move between rows,
// `n` starts a new room. Enter on a row opens it (the row handles that). Keys typed into a
// field are left alone.
import { useEffect, type RefObject } from "react";

interface Options {
  searchRef: RefObject<HTMLInputElement | null>;
  tableRef: RefObject<HTMLElement | null>;
  onNew?: () => void;
}

function typingIn(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return target.type !== "checkbox";
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || target.isContentEditable;
}

/** The row after (+1) or before (-1) the focused one; the first row when none is focused. */
export function rowToFocus(rows: HTMLElement[], active: Element | null, step: 1 | -1): HTMLElement | undefined {
  const at = rows.findIndex((r) => r === active || r.contains(active));
  if (at < 0) return rows[0];
  return rows[Math.min(rows.length - 1, Math.max(0, at + step))];
}

export function useListKeys({ searchRef, tableRef, onNew }: Options) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || typingIn(e.target)) return;
      if (document.querySelector("[role=dialog]")) return;
      if (e.key === "/") {
        e.preventDefault();
        searchRef.current?.focus();
        return;
      }
      if (e.key === "n" && onNew) {
        e.preventDefault();
        onNew();
        return;
      }
      const step = e.key === "j" || e.key === "ArrowDown" ? 1 : e.key === "k" || e.key === "ArrowUp" ? -1 : 0;
      if (step === 0) return;
      const rows = Array.from(tableRef.current?.querySelectorAll<HTMLElement>("[data-room-row]") ?? []);
      const next = rowToFocus(rows, document.activeElement, step);
      if (next) {
        e.preventDefault();
        next.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("keydown", onKey);
    };
  }, [searchRef, tableRef, onNew]);
}

// Row selection for bulk actions: a click toggles one row, a shift-click sets every row
// between the last clicked one and this one to the clicked row's new state.

export interface Selection {
  ids: ReadonlySet<string>;
  /** The row last clicked without shift: where a shift-click range starts. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { ids: new Set(), anchor: null };

/** The selection after a click on `id`'s checkbox; `order` is the rows as shown. */
export function clickRow(selection: Selection, order: readonly string[], id: string, shift: boolean): Selection {
  const ids = new Set(selection.ids);
  const select = !ids.has(id);
  const from = selection.anchor === null ? -1 : order.indexOf(selection.anchor);
  const to = order.indexOf(id);
  if (shift && from >= 0 && to >= 0) {
    const [lo, hi] = from <= to ? [from, to] : [to, from];
    for (const rowId of order.slice(lo, hi + 1)) {
      if (select) ids.add(rowId);
      else ids.delete(rowId);
    }
    return { ids, anchor: selection.anchor };
  }
  if (select) ids.add(id);
  else ids.delete(id);
  return { ids, anchor: id };
}

/** Selects every row on the page, or clears them all when they already are. */
export function toggleAll(selection: Selection, order: readonly string[]): Selection {
  const allOn = order.length > 0 && order.every((id) => selection.ids.has(id));
  const ids = new Set(selection.ids);
  for (const id of order) {
    if (allOn) ids.delete(id);
    else ids.add(id);
  }
  return { ids, anchor: selection.anchor };
}

/** "all", "some" or "none" of the page's rows are selected (the header checkbox's look). */
export function pageState(selection: Selection, order: readonly string[]): "all" | "some" | "none" {
  const on = order.filter((id) => selection.ids.has(id)).length;
  if (on === 0) return "none";
  return on === order.length ? "all" : "some";
}

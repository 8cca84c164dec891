import { describe, expect, it } from "vitest";
import { clickRow, EMPTY_SELECTION, pageState, toggleAll } from "./selection";

const order = ["a", "b", "c", "d", "e"];
const ids = (s: { ids: ReadonlySet<string> }) => [...s.ids].sort();

describe("row selection", () => {
  it("toggles one row per plain click", () => {
    const one = clickRow(EMPTY_SELECTION, order, "b", false);
    expect(ids(one)).toEqual(["b"]);
    expect(ids(clickRow(one, order, "b", false))).toEqual([]);
  });

  it("selects a range with shift-click, in either direction", () => {
    const start = clickRow(EMPTY_SELECTION, order, "b", false);
    expect(ids(clickRow(start, order, "d", true))).toEqual(["b", "c", "d"]);
    const fromEnd = clickRow(EMPTY_SELECTION, order, "e", false);
    expect(ids(clickRow(fromEnd, order, "c", true))).toEqual(["c", "d", "e"]);
  });

  it("clears a range when the shift-clicked row was selected", () => {
    let s = toggleAll(EMPTY_SELECTION, order);
    s = clickRow(s, order, "a", false); // a off, anchor a
    s = clickRow(s, order, "c", true); // c was on: a..c off
    expect(ids(s)).toEqual(["d", "e"]);
  });

  it("selects all on the page, then none, and reports the header state", () => {
    const all = toggleAll(EMPTY_SELECTION, order);
    expect(pageState(all, order)).toBe("all");
    expect(pageState(clickRow(all, order, "a", false), order)).toBe("some");
    expect(pageState(toggleAll(all, order), order)).toBe("none");
  });
});

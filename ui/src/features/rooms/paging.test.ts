import { describe, expect, it } from "vitest";
import { clampPage, describePage, pageInfo } from "./paging";

describe("pageInfo with a known total", () => {
  it("describes the first, a middle and the last page", () => {
    expect(pageInfo(1, 25, 60, 25)).toEqual({ from: 1, to: 25, hasPrev: false, hasNext: true, pageCount: 3 });
    expect(pageInfo(2, 25, 60, 25)).toEqual({ from: 26, to: 50, hasPrev: true, hasNext: true, pageCount: 3 });
    expect(pageInfo(3, 25, 60, 10)).toEqual({ from: 51, to: 60, hasPrev: true, hasNext: false, pageCount: 3 });
  });

  it("has no next page when the total is an exact multiple", () => {
    expect(pageInfo(2, 25, 50, 25).hasNext).toBe(false);
  });

  it("handles an empty listing", () => {
    expect(pageInfo(1, 25, 0, 0)).toEqual({ from: 0, to: 0, hasPrev: false, hasNext: false, pageCount: 1 });
  });
});

describe("pageInfo without a total (remote listing)", () => {
  it("offers a next page only after a full page", () => {
    expect(pageInfo(1, 25, null, 25).hasNext).toBe(true);
    expect(pageInfo(4, 25, null, 7).hasNext).toBe(false);
    expect(pageInfo(4, 25, null, 7).pageCount).toBeNull();
  });
});

describe("describePage and clampPage", () => {
  it("reads like a pager", () => {
    expect(describePage(pageInfo(1, 25, 500, 25), 500)).toBe("1–25 of 500");
    expect(describePage(pageInfo(1, 25, 1500, 25), 1500)).toBe("1–25 of 1,500");
    expect(describePage(pageInfo(2, 25, null, 25), null)).toBe("26–50");
    expect(describePage(pageInfo(1, 25, 0, 0), 0)).toBe("No rooms");
  });

  it("keeps pages within bounds", () => {
    expect(clampPage(0, 3)).toBe(1);
    expect(clampPage(7, 3)).toBe(3);
    expect(clampPage(7, null)).toBe(7);
    expect(clampPage(2.7, 3)).toBe(2);
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, nextSortValue, ROOM_SORTS, sortFromValue } from "./sorting";

describe("room sorts", () => {
  it("finds a sort by its URL value", () => {
    expect(sortFromValue("createdAt:ASC")).toMatchObject({ sortBy: "createdAt", sortDirection: "ASC" });
    expect(sortFromValue("lastEngagedAt:ASC")).toMatchObject({ sortBy: "lastEngagedAt", sortDirection: "ASC" });
  });

  it("falls back to recently updated for a missing or unknown value", () => {
    expect(sortFromValue(null)).toBe(DEFAULT_SORT);
    expect(sortFromValue("title:ASC")).toBe(DEFAULT_SORT);
  });

  it("offers each of the four sortable fields both ways, with values matching their parts", () => {
    expect(ROOM_SORTS).toHaveLength(8);
    for (const s of ROOM_SORTS) expect(s.value).toBe(`${s.sortBy}:${s.sortDirection}`);
    expect(new Set(ROOM_SORTS.map((s) => s.value)).size).toBe(8);
    expect(ROOM_SORTS).toContainEqual(DEFAULT_SORT);
  });

  it("flips the direction on a second click and starts another field descending", () => {
    expect(nextSortValue(DEFAULT_SORT, "updatedAt")).toBe("updatedAt:ASC");
    expect(nextSortValue(sortFromValue("updatedAt:ASC"), "updatedAt")).toBeNull();
    expect(nextSortValue(DEFAULT_SORT, "createdAt")).toBe("createdAt:DESC");
    expect(nextSortValue(sortFromValue("createdAt:DESC"), "createdAt")).toBe("createdAt:ASC");
    expect(nextSortValue(sortFromValue("createdAt:ASC"), "totalEngagements")).toBe("totalEngagements:DESC");
  });
});

import { describe, expect, it } from "vitest";
import { DEFAULT_SORT, ROOM_SORTS, sortFromValue } from "./sorting";

describe("room sorts", () => {
  it("finds a sort by its URL value", () => {
    expect(sortFromValue("createdAt:ASC")).toMatchObject({ sortBy: "createdAt", sortDirection: "ASC" });
  });

  it("falls back to recently updated for a missing or unknown value", () => {
    expect(sortFromValue(null)).toBe(DEFAULT_SORT);
    expect(sortFromValue("title:ASC")).toBe(DEFAULT_SORT);
  });

  it("offers each of the four sortable fields, with unique values matching their parts", () => {
    expect(new Set(ROOM_SORTS.map((s) => s.sortBy))).toEqual(
      new Set(["updatedAt", "createdAt", "totalEngagements", "lastEngagedAt"]),
    );
    for (const s of ROOM_SORTS) expect(s.value).toBe(`${s.sortBy}:${s.sortDirection}`);
    expect(new Set(ROOM_SORTS.map((s) => s.value)).size).toBe(ROOM_SORTS.length);
    expect(ROOM_SORTS).toContainEqual(DEFAULT_SORT);
  });
});

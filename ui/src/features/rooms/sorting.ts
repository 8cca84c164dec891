// The orders the room list offers (each of the four sortable fields, both ways), and how
// one is written in the URL ("updatedAt:DESC").
import type { SortDirection, SortField } from "../../bindings";

export interface RoomSort {
  value: string;
  sortBy: SortField;
  sortDirection: SortDirection;
}

/** The four fields the API sorts by, with the column header each one sits under. */
export const SORT_FIELDS: readonly { field: SortField; label: string }[] = [
  { field: "createdAt", label: "Created" },
  { field: "updatedAt", label: "Updated" },
  { field: "lastEngagedAt", label: "Last engaged" },
  { field: "totalEngagements", label: "Engagements" },
];

const makeSort = (sortBy: SortField, sortDirection: SortDirection): RoomSort => ({
  value: `${sortBy}:${sortDirection}`,
  sortBy,
  sortDirection,
});

/** Every order the list can show: each field, both directions. */
export const ROOM_SORTS: readonly RoomSort[] = SORT_FIELDS.flatMap(({ field }) => [
  makeSort(field, "DESC"),
  makeSort(field, "ASC"),
]);

/** Recently updated first: an edited room comes to the top. */
export const DEFAULT_SORT: RoomSort = makeSort("updatedAt", "DESC");

/** The sort a URL value names; the default for a missing or unknown one. */
export function sortFromValue(value: string | null): RoomSort {
  return ROOM_SORTS.find((s) => s.value === value) ?? DEFAULT_SORT;
}

/**
 * The URL value after a click on `field`'s header: the same field flips direction, another
 * field starts newest/largest first. Null stands for the default order.
 */
export function nextSortValue(current: RoomSort, field: SortField): string | null {
  const next =
    current.sortBy === field ? makeSort(field, current.sortDirection === "DESC" ? "ASC" : "DESC") : makeSort(field, "DESC");
  return next.value === DEFAULT_SORT.value ? null : next.value;
}

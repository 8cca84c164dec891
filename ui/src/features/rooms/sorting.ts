// The orders the room list offers, and how one is written in the URL ("updatedAt:DESC").
import type { SortDirection, SortField } from "../../bindings";

export interface RoomSort {
  value: string;
  label: string;
  sortBy: SortField;
  sortDirection: SortDirection;
}

export const ROOM_SORTS: readonly RoomSort[] = [
  { value: "updatedAt:DESC", label: "Recently updated", sortBy: "updatedAt", sortDirection: "DESC" },
  { value: "createdAt:DESC", label: "Newest", sortBy: "createdAt", sortDirection: "DESC" },
  { value: "createdAt:ASC", label: "Oldest", sortBy: "createdAt", sortDirection: "ASC" },
  { value: "totalEngagements:DESC", label: "Most engaged", sortBy: "totalEngagements", sortDirection: "DESC" },
  { value: "lastEngagedAt:DESC", label: "Last engaged", sortBy: "lastEngagedAt", sortDirection: "DESC" },
];

/** Recently updated first: an edited room comes to the top. */
export const DEFAULT_SORT: RoomSort = {
  value: "updatedAt:DESC",
  label: "Recently updated",
  sortBy: "updatedAt",
  sortDirection: "DESC",
};

/** The sort a URL value names; the default for a missing or unknown one. */
export function sortFromValue(value: string | null): RoomSort {
  return ROOM_SORTS.find((s) => s.value === value) ?? DEFAULT_SORT;
}

// "Apply now" results: counted, the failed ones picked out for "Retry failed", a retry's
// answers folded over the first run's (one line per room, in the first run's order).
import type { QueryClient } from "@tanstack/react-query";
import type { BulkRoomResult, BulkStatus, ListQuery, RoomPage, RoomView } from "../../bindings";
import { queryKeys } from "../../api/queryKeys";
import { listRooms } from "../../api/commands";

export type BulkCounts = Record<BulkStatus, number>;

export function countResults(results: readonly BulkRoomResult[]): BulkCounts {
  const counts: BulkCounts = { sent: 0, conflict: 0, pending: 0, failed: 0, notFound: 0 };
  for (const r of results) counts[r.status] += 1;
  return counts;
}

export function failedIds(results: readonly BulkRoomResult[]): string[] {
  return results.filter((r) => r.status === "failed").map((r) => r.roomId);
}

/** The first run's results with each retried room's newer answer in its place. */
export function mergeRetry(first: readonly BulkRoomResult[], retried: readonly BulkRoomResult[]): BulkRoomResult[] {
  const newer = new Map(retried.map((r) => [r.roomId, r]));
  return first.map((r) => newer.get(r.roomId) ?? r);
}

/** Each distinct error message and how many rooms it stopped (an outage stops them all alike). */
export function errorReasons(results: readonly BulkRoomResult[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of results) if (r.error) counts.set(r.error.message, (counts.get(r.error.message) ?? 0) + 1);
  return [...counts.entries()];
}

export const STATUS_LABEL: Record<BulkStatus, string> = {
  sent: "Sent",
  conflict: "Conflict: changed on the server meanwhile, see Outbox",
  pending: "Pending: a local draft, sent with the next sync",
  failed: "Not sent: kept as a pending edit",
  notFound: "Not found",
};

/** A one-line summary of the results. */
export function describeCounts(c: BulkCounts): string {
  const parts = [`${String(c.sent)} sent`];
  if (c.failed) parts.push(`${String(c.failed)} not sent (kept as pending edits)`);
  if (c.conflict) parts.push(`${String(c.conflict)} in conflict`);
  if (c.pending) parts.push(`${String(c.pending)} drafts pending`);
  if (c.notFound) parts.push(`${String(c.notFound)} not found`);
  return parts.join(" · ");
}

/** Every local room matching `search` (the list's own full-text search), page by page. */
export async function matchingIds(search: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 1; ; page += 1) {
    const query: ListQuery = { page, limit: 100, sortBy: "createdAt", sortDirection: "DESC" };
    const answer = await listRooms("local", query, search);
    ids.push(...answer.rooms.map((v) => v.room.id));
    if (answer.rooms.length < 100 || (answer.total !== null && ids.length >= answer.total)) return ids;
  }
}

/** Room titles this window already holds (the list pages and rooms it has read), so a
 * result line can name the room; a room not among them is shown by its id. */
export function knownTitles(client: QueryClient): Map<string, string> {
  const titles = new Map<string, string>();
  for (const [, data] of client.getQueriesData<RoomPage | RoomView>({ queryKey: queryKeys.rooms })) {
    if (!data) continue;
    const views = "rooms" in data ? data.rooms : [data];
    for (const v of views) titles.set(v.room.id, v.room.title);
  }
  return titles;
}

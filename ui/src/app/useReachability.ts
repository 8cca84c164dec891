// Whether the connection answered the last time a screen asked it for rooms. Read from
// the query cache, so the header agrees with the list's offline banner and the room
// page's "cached copy" notice without any screen reporting to it.
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { isUnreachable } from "../features/rooms/roomQueries";

/** A rooms query (list or one room) asked of the connection, not the local cache. */
function isRemoteRooms(query: Query): boolean {
  const key = query.queryKey;
  return key[0] === "rooms" && key[2] === "remote";
}

/** True when the most recent answer of the connection to a rooms query was "unreachable". */
export function lastRemoteUnreachable(queries: Query[]): boolean {
  let latestAt = 0;
  let offline = false;
  for (const q of queries) {
    if (!isRemoteRooms(q)) continue;
    const { dataUpdatedAt, errorUpdatedAt, status, error } = q.state;
    const at = Math.max(dataUpdatedAt, errorUpdatedAt);
    if (at > latestAt) {
      latestAt = at;
      offline = status === "error" && errorUpdatedAt >= dataUpdatedAt && isUnreachable(error);
    }
  }
  return offline;
}

/** Whether the connection looks unreachable right now (see `lastRemoteUnreachable`). */
export function useConnectionOffline(): boolean {
  const cache = useQueryClient().getQueryCache();
  const subscribe = useCallback((onChange: () => void) => cache.subscribe(onChange), [cache]);
  const read = useCallback(() => lastRemoteUnreachable(cache.getAll()), [cache]);
  return useSyncExternalStore(subscribe, read);
}

// The room queries and the title mutation, shared by the list and the room page.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { ListQuery, RoomPage, RoomView, SortDirection, SortField, Source } from "../../bindings";
import { getRoom, listOutbox, listRooms } from "../../api/commands";
import { hasCode, type CommandError } from "../../api/errors";
import { queryKeys } from "../../api/queryKeys";
import { DEFAULT_PAGE_SIZE, type ListSource } from "../../app/routes";
import { readLastRefresh, recordRefresh } from "./lastRefresh";

/** Where the room page reads and writes: the connected API (the Sandbox by default). */
export const DEFAULT_SOURCE: Source = "remote";

export interface ListOptions {
  page: number;
  sortBy: SortField;
  sortDirection: SortDirection;
  limit?: number;
  source?: Source;
  search?: string | null;
}

/** The key and fetcher of one page of the list: shared by the screen and the startup prefetch. */
export function roomListQuery({
  page,
  sortBy,
  sortDirection,
  limit = DEFAULT_PAGE_SIZE,
  source = DEFAULT_SOURCE,
  search = null,
}: ListOptions) {
  const query: ListQuery = { page, limit, sortBy, sortDirection };
  const words = search && search.trim() ? search.trim() : null;
  return {
    queryKey: queryKeys.roomList(source, query, words),
    queryFn: async () => {
      const answer = await listRooms(source, query, words);
      performance.mark(`roomdesk:list-${source}`);
      if (source === "remote") recordRefresh(Date.now());
      return answer;
    },
  };
}

/** The outbox as the list reads it (for the Uncertain badges): shared with the start-up prefetch. */
export function outboxQuery() {
  return { queryKey: queryKeys.outbox, queryFn: listOutbox, retry: false } as const;
}

/** While the connection is unreachable, the list asks it again this often, so the app
 * notices by itself when it is back (the banner's "Try again" asks at once). */
export const OFFLINE_RECHECK_MS = 15_000;

/** The connection cannot be reached right now (as opposed to refusing the request). */
export function isUnreachable(error: unknown): boolean {
  return hasCode(error, "network", "timeout");
}

export interface RoomListing {
  page: RoomPage | undefined;
  /** Where the rows on screen came from. */
  shownFrom: Source;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  /** An error to show instead of rows (nothing to fall back on). */
  error: CommandError | null;
  /** Set when the connection is unreachable and cached rows are shown: when they were last refreshed (ms), or 0 if never in this workspace. */
  offlineSince: number | null;
  refetch: () => void;
}

/**
 * One page of the list as `source` asks. "auto": the local cache answers at once while
 * the same page is asked of the connection; the live answer replaces it (and is written
 * through to the cache), and when the connection is unreachable the cached page stays,
 * flagged offline. A search always reads the local cache (the API has no full-text search).
 */
export function useRoomListing(options: Omit<ListOptions, "source">, source: ListSource): RoomListing {
  const searching = Boolean(options.search && options.search.trim());
  const wantsLocal = searching || source !== "remote";
  const wantsRemote = !searching && source !== "local";
  const queryClient = useQueryClient();

  const localQuery = roomListQuery({ ...options, source: "local" });
  const localKey = localQuery.queryKey;
  const local = useQuery({
    ...localQuery,
    placeholderData: keepPreviousData,
    enabled: wantsLocal,
  });
  const remote = useQuery({
    ...roomListQuery({ ...options, source: "remote", search: null }),
    placeholderData: keepPreviousData,
    enabled: wantsRemote,
    refetchInterval: (query) => (query.state.status === "error" && isUnreachable(query.state.error) ? OFFLINE_RECHECK_MS : false),
  });

  // A live answer was written through to the cache: the cached listing is stale now. It is
  // only marked so (its rows are not on screen while the live ones are): reading it again
  // at once cost a second listing and two re-renders of the table at every start. It is
  // read again as soon as it is shown (the connection fails, or the source switches to
  // the local workspace); another page has its own query.
  const remoteUpdatedAt = remote.dataUpdatedAt;
  useEffect(() => {
    if (remoteUpdatedAt > 0 && source === "auto") {
      void queryClient.invalidateQueries({ queryKey: ["rooms", "list", "local"], refetchType: "none" });
    }
  }, [remoteUpdatedAt, source, queryClient]);
  const localShown = !wantsRemote || (source === "auto" && !remote.isSuccess);
  // Invalidation re-renders through the query's observer, so reading its state here is current.
  const localInvalidated = queryClient.getQueryState(localKey)?.isInvalidated === true;
  const refetchLocal = local.refetch;
  useEffect(() => {
    if (wantsLocal && localShown && localInvalidated) void refetchLocal();
  }, [wantsLocal, localShown, localInvalidated, refetchLocal]);

  const refetch = () => {
    if (wantsLocal) void local.refetch();
    if (wantsRemote) void remote.refetch();
  };

  if (localShown) {
    const unreachable = wantsRemote && remote.isError && isUnreachable(remote.error);
    // A remote error other than "unreachable" (a refused key, a server fault) is shown, unless
    // the cache has something to show meanwhile.
    const remoteProblem = wantsRemote && remote.isError && !unreachable ? remote.error : null;
    const hasCached = (local.data?.rooms.length ?? 0) > 0;
    return {
      page: local.data,
      shownFrom: "local",
      isPending: local.isPending && !(remote.isError && !hasCached),
      isFetching: local.isFetching || (wantsRemote && remote.isFetching),
      isPlaceholderData: local.isPlaceholderData,
      error: local.error ?? (hasCached ? null : remoteProblem),
      offlineSince: unreachable ? (readLastRefresh() ?? 0) : null,
      refetch,
    };
  }
  return {
    page: remote.data,
    shownFrom: "remote",
    isPending: remote.isPending,
    isFetching: remote.isFetching,
    isPlaceholderData: remote.isPlaceholderData,
    error: remote.error,
    offlineSince: null,
    refetch,
  };
}

/** A room as its page shows it; `cached` when the connection was unreachable and the local copy answered. */
export interface OpenedRoom {
  view: RoomView;
  cached: boolean;
}

/** The room from the connection, or (when it cannot be reached) from the local cache. */
export async function openRoom(id: string): Promise<OpenedRoom> {
  try {
    return { view: await getRoom(DEFAULT_SOURCE, id), cached: false };
  } catch (error) {
    if (!isUnreachable(error)) throw error;
    try {
      return { view: await getRoom("local", id), cached: true };
    } catch {
      throw error;
    }
  }
}

export function useRoom(id: string) {
  return useQuery<OpenedRoom>({ queryKey: queryKeys.room(DEFAULT_SOURCE, id), queryFn: () => openRoom(id) });
}

// What happens before the first render. The room list is what a user opens the app for,
// so its first page is asked for before React renders anything: the answer usually
// arrives within a few milliseconds, and waiting that long lets the first render show
// the rooms instead of a skeleton followed by a second full render and layout (measured
// with `make bench-desktop`). The names the rows show (owners, companies, statuses) and
// the outbox (Uncertain badges) are asked for at the same time, and waited for a little
// longer: each answer arriving after the first render re-rendered the whole table. The
// waits are capped: a slow shell or connection never holds the window.
import type { QueryClient } from "@tanstack/react-query";
import { prefetchNames } from "../features/rooms/lookupNames";
import { outboxQuery, roomListQuery } from "../features/rooms/roomQueries";
import { sortFromValue } from "../features/rooms/sorting";
import { parseRoute } from "./routes";

/** The longest the first render waits for the first page. */
export const FIRST_PAGE_WAIT_MS = 150;

/** Once the first page is in, how much longer the first render waits for the rows' names
 * and the outbox. */
export const EXTRAS_GRACE_MS = 30;

/** Starts loading what the screen at `hash` shows first; resolves when it is in the cache. */
export function prefetchFirstScreen(client: QueryClient, hash: string): Promise<void> {
  const route = parseRoute(hash);
  if (route.name !== "rooms") return Promise.resolve();
  const sort = sortFromValue(route.sort);
  const options = { page: route.page, limit: route.size, sortBy: sort.sortBy, sortDirection: sort.sortDirection, search: route.q };
  // The sources the list will read (see useRoomListing): the cache answers first, the
  // connection refreshes it. A failure is left in the cache for the list screen to show.
  const searching = route.q.trim() !== "";
  const sources = [
    ...(searching || route.source !== "remote" ? (["local"] as const) : []),
    ...(!searching && route.source !== "local" ? (["remote"] as const) : []),
  ];
  const asks = sources.map((source) =>
    client.query(roomListQuery({ ...options, source, search: source === "local" ? route.q : null })),
  );
  // The list is ready as soon as one source has answered: the cache usually does within
  // milliseconds. The names and the outbox get a short grace after it, failed or not (a
  // failure stays in the cache for the screen to show): on the Sandbox they are in by
  // then; a slow connection does not hold the rows for them.
  const firstPage = Promise.any(asks);
  const extras = Promise.allSettled([...prefetchNames(client), client.query(outboxQuery())]);
  return firstPage.then(
    () => waitAtMost(extras, EXTRAS_GRACE_MS),
    () => undefined,
  );
}

/** Resolves when `ready` does or after `ms`, whichever comes first; never rejects. */
export function waitAtMost(ready: Promise<unknown>, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    ready.then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      () => {
        clearTimeout(timer);
        resolve();
      },
    );
  });
}

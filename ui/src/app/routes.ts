// The app's screens as data. The location lives in the URL hash ("#/rooms/abc"), so a
// reload or the WebDriver suite lands on the same screen, and new screens are one more
// case here plus one in AppFrame.

/**
 * Where the list reads: "auto" shows the local cache at once and refreshes it from the
 * connection in the background (offline-first); "remote" asks the live API only; "local"
 * reads the local workspace only (drafts included, nothing sent).
 */
export type ListSource = "auto" | "remote" | "local";

/** Everything the room list keeps in the URL, so Back returns to the same view. */
export interface ListParams {
  page: number;
  /** The sort's URL value ("updatedAt:DESC"); null for the default. */
  sort: string | null;
  /** Rooms per page (one of PAGE_SIZES). */
  size: number;
  source: ListSource;
  /** The search words; empty for none. */
  q: string;
}

export type Route =
  | ({ name: "rooms" } & ListParams)
  | { name: "room"; id: string }
  | { name: "outbox" }
  | { name: "settings" };

export type RouteName = Route["name"];

export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;

export const DEFAULT_LIST: ListParams = { page: 1, sort: null, size: DEFAULT_PAGE_SIZE, source: "auto", q: "" };

export const DEFAULT_ROUTE: Route = { name: "rooms", ...DEFAULT_LIST };

function readSize(raw: string | null): number {
  const n = Number.parseInt(raw ?? "", 10);
  return (PAGE_SIZES as readonly number[]).includes(n) ? n : DEFAULT_PAGE_SIZE;
}

function readSource(raw: string | null): ListSource {
  return raw === "remote" || raw === "local" ? raw : "auto";
}

/** Reads a hash ("#/rooms?page=2&sort=createdAt:ASC", "#/rooms/r_1") into a route; anything else is the room list. */
export function parseRoute(hash: string): Route {
  const raw = hash.replace(/^#/, "");
  const [path = "", queryString = ""] = raw.split("?", 2);
  const parts = path.split("/").filter((p) => p.length > 0);
  const params = new URLSearchParams(queryString);
  const [head, second] = parts;
  if (head === "rooms" && second !== undefined && parts.length === 2) {
    return { name: "room", id: decodeURIComponent(second) };
  }
  if (head === "outbox" && parts.length === 1) return { name: "outbox" };
  if (head === "settings" && parts.length === 1) return { name: "settings" };
  const page = Number.parseInt(params.get("page") ?? "1", 10);
  return {
    name: "rooms",
    page: Number.isFinite(page) && page >= 1 ? page : 1,
    sort: params.get("sort"),
    size: readSize(params.get("size")),
    source: readSource(params.get("source")),
    q: params.get("q") ?? "",
  };
}

/** The hash for `route`; `parseRoute(formatRoute(r))` gives `r` back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case "rooms": {
      const params = new URLSearchParams();
      if (route.page > 1) params.set("page", String(route.page));
      if (route.sort) params.set("sort", route.sort);
      if (route.size !== DEFAULT_PAGE_SIZE) params.set("size", String(route.size));
      if (route.source !== "auto") params.set("source", route.source);
      if (route.q) params.set("q", route.q);
      const query = params.toString();
      return query ? `#/rooms?${query}` : "#/rooms";
    }
    case "room":
      return `#/rooms/${encodeURIComponent(route.id)}`;
    case "outbox":
      return "#/outbox";
    case "settings":
      return "#/settings";
  }
}

/** Which navbar entry a route belongs to (a room page is part of "Rooms"). */
export function navSection(route: Route): "rooms" | "outbox" | "settings" {
  return route.name === "room" ? "rooms" : route.name;
}

// The app's screens as data. The location lives in the URL hash ("#/rooms/abc"), so a
// reload or the WebDriver suite lands on the same screen, and new screens are one more
// case here plus one in AppFrame.
export type Route =
  | { name: "rooms"; page: number; sort: string | null }
  | { name: "room"; id: string }
  | { name: "outbox" }
  | { name: "settings" };

export type RouteName = Route["name"];

export const DEFAULT_ROUTE: Route = { name: "rooms", page: 1, sort: null };

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
  return { name: "rooms", page: Number.isFinite(page) && page >= 1 ? page : 1, sort: params.get("sort") };
}

/** The hash for `route`; `parseRoute(formatRoute(r))` gives `r` back. */
export function formatRoute(route: Route): string {
  switch (route.name) {
    case "rooms": {
      const params = new URLSearchParams();
      if (route.page > 1) params.set("page", String(route.page));
      if (route.sort) params.set("sort", route.sort);
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

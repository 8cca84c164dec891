import { describe, expect, it } from "vitest";
import { DEFAULT_ROUTE, formatRoute, navSection, parseRoute, type Route } from "./routes";

const list = (over: Partial<Extract<Route, { name: "rooms" }>> = {}): Route => ({ ...DEFAULT_ROUTE, ...over }) as Route;

describe("routes", () => {
  it("reads every screen from the hash", () => {
    expect(parseRoute("")).toEqual(list());
    expect(parseRoute("#/rooms")).toEqual(list());
    expect(parseRoute("#/rooms?page=3")).toEqual(list({ page: 3 }));
    expect(parseRoute("#/rooms/r_42")).toEqual({ name: "room", id: "r_42" });
    expect(parseRoute("#/rooms?page=2&sort=totalEngagements:DESC&size=100&source=local&q=acme")).toEqual(
      list({ page: 2, sort: "totalEngagements:DESC", size: 100, source: "local", q: "acme" }),
    );
    expect(parseRoute("#/outbox")).toEqual({ name: "outbox" });
    expect(parseRoute("#/settings")).toEqual({ name: "settings" });
  });

  it("falls back to the first page of rooms on anything odd", () => {
    expect(parseRoute("#/rooms?page=0")).toEqual(list());
    expect(parseRoute("#/rooms?page=abc&size=7&source=elsewhere")).toEqual(list());
    expect(parseRoute("#/nowhere/at/all")).toEqual(list());
  });

  it("round-trips, including ids and searches that need escaping", () => {
    const routes: Route[] = [
      list(),
      list({ page: 12, sort: "createdAt:ASC", size: 10, source: "remote", q: "q3 & renewal" }),
      { name: "room", id: "local:draft/1 é" },
      { name: "outbox" },
      { name: "settings" },
    ];
    for (const r of routes) expect(parseRoute(formatRoute(r))).toEqual(r);
  });

  it("keeps a room page under Rooms in the navbar", () => {
    expect(navSection({ name: "room", id: "x" })).toBe("rooms");
    expect(navSection({ name: "settings" })).toBe("settings");
  });
});
